//! Abstract syntax tree for Python 3.11.
//!
//! The shape follows CPython 3.11's `ast` module: same node names and
//! fields, Rust-ified.  Positions are 1-based lines and 0-based columns
//! counted in characters (not bytes); `end_*` point just past the node.
//!
//! Notes for consumers:
//! * A docstring is simply the first statement of a module/class/function
//!   body when it is `StmtKind::Expr` holding `ExprKind::Constant(Constant::Str)`
//!   (see [`docstring`]).
//! * Adjacent string literals are already concatenated.  A literal that
//!   contains an f-string part becomes `ExprKind::JoinedStr`, whose values
//!   are `Constant(Str)` and `FormattedValue` nodes (never empty strings,
//!   never two adjacent constants).  `f"{x=}"` becomes
//!   `[Constant("x="), FormattedValue { value: x, conversion: Some('r'), .. }]`
//!   (the conversion defaults to `'r'` only when neither a conversion nor a
//!   format spec is given, like CPython).
//! * `format_spec` is always a `JoinedStr`.
//! * `try: ... except* E: ...` is `StmtKind::Try { is_star: true, .. }`.
//! * Integer literals that do not fit in `i64` are `Constant::BigInt`.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// Source span of a node.  `line`/`end_line` are 1-based, `col`/`end_col`
/// are 0-based character offsets; the end is exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// A whole compilation unit, by `compile()` mode.
#[derive(Debug, Clone, PartialEq)]
pub enum Mod {
    /// `exec` mode: a module.
    Module(Vec<Stmt>),
    /// `single` mode: one interactive statement (may be a compound one, or
    /// several simple statements separated by `;`).
    Interactive(Vec<Stmt>),
    /// `eval` mode: one expression.
    Expression(Box<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub loc: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// `def` / `async def`.
    FunctionDef {
        name: String,
        args: Box<Arguments>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
        returns: Option<Box<Expr>>,
        is_async: bool,
    },
    ClassDef {
        name: String,
        bases: Vec<Expr>,
        keywords: Vec<Keyword>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
    },
    Return {
        value: Option<Box<Expr>>,
    },
    Delete {
        targets: Vec<Expr>,
    },
    /// `a = b = value`: `targets` = `[a, b]`.
    Assign {
        targets: Vec<Expr>,
        value: Box<Expr>,
    },
    AugAssign {
        target: Box<Expr>,
        op: Operator,
        value: Box<Expr>,
    },
    /// `simple` is true for a plain (unparenthesized) name target.
    AnnAssign {
        target: Box<Expr>,
        annotation: Box<Expr>,
        value: Option<Box<Expr>>,
        simple: bool,
    },
    /// `for` / `async for`.
    For {
        target: Box<Expr>,
        iter: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    While {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `elif` chains are nested `If`s in `orelse`.
    If {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `with` / `async with`.
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    Raise {
        exc: Option<Box<Expr>>,
        cause: Option<Box<Expr>>,
    },
    /// `try` (and `try` with `except*` when `is_star`, CPython's `TryStar`).
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        is_star: bool,
    },
    Assert {
        test: Box<Expr>,
        msg: Option<Box<Expr>>,
    },
    Import {
        names: Vec<Alias>,
    },
    /// `from ..mod import a as b`: `module` = `Some("mod")`, `level` = 2.
    /// `from . import x`: `module` = `None`.  `import *` is one alias named `*`.
    ImportFrom {
        module: Option<String>,
        names: Vec<Alias>,
        level: u32,
    },
    Global {
        names: Vec<String>,
    },
    Nonlocal {
        names: Vec<String>,
    },
    /// Expression statement.
    Expr {
        value: Box<Expr>,
    },
    Pass,
    Break,
    Continue,
    /// `match subject: case ...` (PEP 634).
    Match {
        subject: Box<Expr>,
        cases: Vec<MatchCase>,
    },
}

/// One `case pattern if guard: body` of a `match` statement.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Box<Expr>>,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub loc: Loc,
}

/// CPython's `pattern` node kinds.
#[derive(Debug, Clone, PartialEq)]
pub enum PatternKind {
    /// A literal (number, string, complex) or a dotted name, compared with `==`.
    MatchValue { value: Box<Expr> },
    /// `None`, `True` or `False`, compared with `is`.
    MatchSingleton { value: Constant },
    /// `[p, *rest]` / `(p, q)` / `p, q` at the top of a case.
    MatchSequence { patterns: Vec<Pattern> },
    /// `{key: p, **rest}`: `keys` are literals or dotted names.
    MatchMapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<String>,
    },
    /// `Cls(p, attr=q)`.
    MatchClass {
        cls: Box<Expr>,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<String>,
        kwd_patterns: Vec<Pattern>,
    },
    /// `*name` in a sequence pattern (`name` is `None` for `*_`).
    MatchStar { name: Option<String> },
    /// `p as name`; a bare capture has no `pattern`; `_` has neither.
    MatchAs {
        pattern: Option<Box<Pattern>>,
        name: Option<String>,
    },
    /// `p | q | ...`.
    MatchOr { patterns: Vec<Pattern> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub loc: Loc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `a and b and c`: one node with three values.
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `target := value` (target is always a `Name` with `Store`).
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: Operator,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda {
        args: Box<Arguments>,
        body: Box<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `keys[i]` is `None` for a `**mapping` entry (then `values[i]` is the mapping).
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set {
        elts: Vec<Expr>,
    },
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Await {
        value: Box<Expr>,
    },
    Yield {
        value: Option<Box<Expr>>,
    },
    YieldFrom {
        value: Box<Expr>,
    },
    /// `a < b <= c`: left = a, ops = [Lt, LtE], comparators = [b, c].
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// Positional `*x` arguments appear in `args` as `Starred`;
    /// `**x` appears in `keywords` with `arg: None`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// One `{...}` of an f-string.  `conversion` is `Some('s' | 'r' | 'a')`;
    /// `format_spec` is a `JoinedStr`.
    FormattedValue {
        value: Box<Expr>,
        conversion: Option<char>,
        format_spec: Option<Box<Expr>>,
    },
    /// An f-string: `Constant(Str)` and `FormattedValue` parts.
    JoinedStr(Vec<Expr>),
    Constant(Constant),
    Attribute {
        value: Box<Expr>,
        attr: String,
        ctx: ExprContext,
    },
    /// `value[slice]`; `a[1:2, 3]` has a `Tuple` slice containing a `Slice`.
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
        ctx: ExprContext,
    },
    Starred {
        value: Box<Expr>,
        ctx: ExprContext,
    },
    Name {
        id: String,
        ctx: ExprContext,
    },
    List {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Tuple {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    /// Only appears directly as a `Subscript` slice or inside its `Tuple`.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    /// An integer literal too large for `i64`: `digits` in `radix`
    /// (2, 8, 10 or 16), without prefix, sign or underscores, lowercase.
    BigInt {
        digits: String,
        radix: u32,
    },
    Float(f64),
    /// Imaginary literal `<imag>j`.
    Complex {
        imag: f64,
    },
    Str(String),
    Bytes(Vec<u8>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// `for target in iter if ifs...` (with `is_async` for `async for`).
#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    /// The exception expression (`None` for a bare `except:`).
    pub typ: Option<Box<Expr>>,
    /// The `as` name.
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub loc: Loc,
}

/// Parameters of a `def` or `lambda`.
///
/// `defaults` are for the last `defaults.len()` of `posonlyargs ++ args`;
/// `kw_defaults` has one entry per `kwonlyargs` entry (`None` = required).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Box<Arg>>,
    pub kwonlyargs: Vec<Arg>,
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Box<Arg>>,
    pub defaults: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub name: String,
    pub annotation: Option<Box<Expr>>,
    pub loc: Loc,
}

/// A keyword argument `arg=value`; `arg` is `None` for `**value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub arg: Option<String>,
    pub value: Expr,
    pub loc: Loc,
}

/// `import name as asname` (`name` may be dotted, or `*` in `from x import *`).
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    pub name: String,
    pub asname: Option<String>,
    pub loc: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Box<Expr>>,
}

/// The docstring of a module/class/function body, if its first statement
/// is a plain string literal.
pub fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first() {
        Some(Stmt {
            kind: StmtKind::Expr { value },
            ..
        }) => match &value.kind {
            ExprKind::Constant(Constant::Str(s)) => Some(s.as_str()),
            _ => None,
        },
        _ => None,
    }
}

// AST-FROZEN
