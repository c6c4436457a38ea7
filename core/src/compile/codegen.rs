//! Code generation: AST + symbol table -> [`CodeUnit`] (CPython 3.11's
//! `compile.c`, Rust-ified, for ferropy's bytecode; see `bytecode.rs`).
//!
//! The code of each block is first emitted as a list of instructions with
//! symbolic labels, exactly in the order and shape CPython 3.11 emits its
//! pseudo-instructions (`SETUP_FINALLY`/`SETUP_CLEANUP`/`SETUP_WITH`/
//! `POP_BLOCK`), then assembled: unreachable code, `NOP`s and jumps to the
//! next instruction are dropped, unused constants are dropped, labels become
//! absolute byte offsets, and the value-stack and block-stack depths are
//! computed by flow analysis.
//!
//! Shapes worth knowing (the VM implements each op as documented):
//! - calls: `f(a, k=b)` = `f a b ('k',) CALL_KW 2`; `o.m(a)` =
//!   `o LOAD_METHOD m a CALL_METHOD 1`; with `*`/`**`: `f args
//!   [kwargs_dict] CALL_FUNCTION_EX` (as CPython 3.11: `args` is a tuple,
//!   except for `f(*x)` where it is `x` itself, any iterable, which the VM
//!   converts; the keyword operand is always a fresh dict);
//! - `yield from`/`await`: `SEND exit; YIELD_VALUE; JUMP back-to-SEND;
//!   exit:` (the VM recognises a delegating generator by a `YIELD_VALUE`
//!   followed by a `JUMP` to a `SEND`);
//! - comprehensions are nested functions called with the iterator: `MAKE_FUNCTION;
//!   iter; GET_ITER; CALL 1`;
//! - loops always close with a backward `JUMP` (interrupt check point).

use alloc::boxed::Box;
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use super::ast::{
    self, Arguments, BoolOp, CmpOp, Comprehension, Constant, ExceptHandler, Expr, ExprContext,
    ExprKind, Keyword, Loc, Mod, Operator, Stmt, StmtKind, UnaryOp, WithItem,
};
use super::lexer::SyntaxError;
use super::symtable::{
    self, mangle, BlockKind, CompKind, Scope, SymbolTable, DEF_FREE_CLASS, MAX_NESTING,
};
use crate::bytecode::{co, mkfn, stack_effect, CodeUnit, Const, LineEntry, Op};

mod patterns;

/// CPython's `CO_MAXBLOCKS`: static nesting of loops/try/with.
const MAX_FBLOCKS: usize = 20;
/// CPython's `STACK_USE_GUIDELINE`.
const STACK_USE_GUIDELINE: usize = 30;
/// Instructions per code unit before giving up (bounds time and memory on
/// pathological input; the bytecode could not address them anyway).
const MAX_INSTRS: usize = 1 << 17;
/// Nesting of tuple constants built by constant folding.
const MAX_CONST_DEPTH: u32 = 24;

/// Errors are boxed inside the compiler: small `Result`s keep the frames
/// of the recursive functions small.
type BoxErr = Box<SyntaxError>;
type Res<T> = Result<T, BoxErr>;
type R = Res<()>;

/// Compile a module (`Mod::Module`), an expression (`Mod::Expression`,
/// whose code returns its value) or an interactive statement
/// (`Mod::Interactive`, expression statements print via `PRINT_EXPR`).
pub fn compile(module: &Mod, filename: &str) -> Result<CodeUnit, SyntaxError> {
    compile_with_limit(module, filename, MAX_NESTING)
}

/// Like [`compile`] with an explicit bound on the static nesting of
/// statements and expressions (the compiler recurses once per level, a few
/// hundred bytes of native stack each): use a smaller one on targets with
/// small stacks, like the parser's `parse_with_limit`.
pub fn compile_with_limit(
    module: &Mod,
    filename: &str,
    max_nesting: u32,
) -> Result<CodeUnit, SyntaxError> {
    let future = parse_future(module)?;
    let st = symtable::build_with_limit(module, future.annotations, max_nesting)?;
    let mut c = Compiler::new(&st, filename, future, max_nesting);
    c.compile_mod(module).map_err(|e| *e)
}

// ---------------------------------------------------------------------------
// `from __future__ import ...`

struct Future {
    annotations: bool,
    /// Line of the last valid future import (0: none).
    lineno: u32,
}

fn parse_future(m: &Mod) -> Result<Future, SyntaxError> {
    let mut f = Future {
        annotations: false,
        lineno: 0,
    };
    let body = match m {
        Mod::Module(b) | Mod::Interactive(b) => b,
        Mod::Expression(_) => return Ok(f),
    };
    let start = if ast::docstring(body).is_some() { 1 } else { 0 };
    let mut done = false;
    let mut prev_line = 0;
    for s in body.iter().skip(start) {
        if done && s.loc.line > prev_line {
            break;
        }
        prev_line = s.loc.line;
        match &s.kind {
            StmtKind::ImportFrom {
                module: Some(m),
                names,
                ..
            } if m == "__future__" => {
                if done {
                    return Err(SyntaxError::new(
                        "from __future__ imports must occur at the beginning of the file",
                        s.loc.line,
                        s.loc.col,
                    ));
                }
                for a in names {
                    match a.name.as_str() {
                        "nested_scopes" | "generators" | "division" | "absolute_import"
                        | "with_statement" | "print_function" | "unicode_literals"
                        | "barry_as_FLUFL" | "generator_stop" => {}
                        "annotations" => f.annotations = true,
                        "braces" => {
                            return Err(SyntaxError::new("not a chance", s.loc.line, s.loc.col))
                        }
                        other => {
                            return Err(SyntaxError::new(
                                format!("future feature {} is not defined", other),
                                s.loc.line,
                                s.loc.col,
                            ))
                        }
                    }
                }
                f.lineno = s.loc.line;
            }
            _ => done = true,
        }
    }
    Ok(f)
}

// ---------------------------------------------------------------------------
// Compiler state

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Label(u32);

/// Keys of [`Unit::const_index`].
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
enum ConstKey {
    Int(i64),
    Str(String),
}

#[derive(Clone, Copy, Debug)]
struct Instr {
    op: Op,
    /// The argument; a label number for jumps.
    arg: u32,
    /// Source line; 0 = artificial (takes the line of what precedes it).
    line: u32,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FbKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// A statically nested block (CPython's `fblockinfo`).
#[derive(Clone)]
struct FBlock<'a> {
    kind: FbKind,
    /// Loops: the `continue` target.
    block: Label,
    /// Loops: the `break` target.
    exit: Label,
    /// `FinallyTry`: the finally body, replayed on return/break/continue.
    body: &'a [Stmt],
    /// `HandlerCleanup`: the `except ... as name` name.
    name: Option<&'a str>,
    /// `With`/`AsyncWith`: the statement's location.
    loc: Loc,
}

struct Unit<'a> {
    block: usize,
    kind: UnitKind,
    name: String,
    qualname: String,
    private: Option<String>,
    instrs: Vec<Instr>,
    /// Label -> instruction index (`u32::MAX` while unbound).
    labels: Vec<u32>,
    consts: Vec<Const>,
    /// Index of the `Int`/`Str` constants (the common ones), for speed.
    const_index: BTreeMap<ConstKey, usize>,
    names: Vec<String>,
    name_index: BTreeMap<String, usize>,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    fblocks: Vec<FBlock<'a>>,
    argcount: u16,
    posonlyargcount: u16,
    kwonlyargcount: u16,
    firstlineno: u32,
    /// Current source location (`line` 0: artificial code).
    loc: Loc,
    docstring: Option<String>,
}

struct Compiler<'a> {
    st: &'a SymbolTable,
    filename: &'a str,
    u: Unit<'a>,
    parents: Vec<Unit<'a>>,
    interactive: bool,
    future: Future,
    depth: u32,
    max_nesting: u32,
    /// Set when some limit of the bytecode format was exceeded.
    overflow: Option<&'static str>,
}

fn internal(msg: &str) -> BoxErr {
    Box::new(SyntaxError::new(
        format!("internal compiler error: {}", msg),
        0,
        0,
    ))
}

fn err_box(msg: impl Into<String>, line: u32, col: u32) -> BoxErr {
    Box::new(SyntaxError::new(msg, line, col))
}

fn nb_op(op: Operator) -> u32 {
    match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    }
}

fn is_terminator(op: Op) -> bool {
    matches!(
        op,
        Op::RETURN_VALUE | Op::RAISE_VARARGS | Op::RERAISE | Op::RERAISE_LASTI | Op::JUMP
    )
}

fn ast_const(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::True => Const::True,
        Constant::False => Const::False,
        Constant::Ellipsis => Const::Ellipsis,
        Constant::Int(i) => Const::Int(*i),
        Constant::BigInt { digits, radix } => Const::BigInt {
            digits: digits.clone(),
            radix: *radix,
        },
        Constant::Float(f) => Const::Float(*f),
        Constant::Complex { imag } => Const::Complex {
            real: 0.0,
            imag: *imag,
        },
        Constant::Str(s) => Const::Str(s.clone()),
        Constant::Bytes(b) => Const::Bytes(b.clone()),
    }
}

/// Identity of constants for de-duplication (type-exact, floats by bits).
fn same_const(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::None, Const::None)
        | (Const::True, Const::True)
        | (Const::False, Const::False)
        | (Const::Ellipsis, Const::Ellipsis) => true,
        (Const::Int(x), Const::Int(y)) => x == y,
        (
            Const::BigInt {
                digits: d1,
                radix: r1,
            },
            Const::BigInt {
                digits: d2,
                radix: r2,
            },
        ) => d1 == d2 && r1 == r2,
        (Const::Float(x), Const::Float(y)) => x.to_bits() == y.to_bits(),
        (Const::Complex { real: r1, imag: i1 }, Const::Complex { real: r2, imag: i2 }) => {
            r1.to_bits() == r2.to_bits() && i1.to_bits() == i2.to_bits()
        }
        (Const::Str(x), Const::Str(y)) => x == y,
        (Const::Bytes(x), Const::Bytes(y)) => x == y,
        (Const::Tuple(x), Const::Tuple(y)) | (Const::FrozenSet(x), Const::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| same_const(p, q))
        }
        _ => false,
    }
}

/// Python truth value of a constant.
fn const_truth(c: &Const) -> Option<bool> {
    Some(match c {
        Const::None | Const::False => false,
        Const::True | Const::Ellipsis => true,
        Const::Int(i) => *i != 0,
        Const::BigInt { .. } => true,
        Const::Float(f) => *f != 0.0,
        Const::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(t) | Const::FrozenSet(t) => !t.is_empty(),
        Const::Code(_) | Const::Loaded(_) => return None,
    })
}

/// `2**63` written in some radix (the one `BigInt` whose negation fits).
fn is_two_pow_63(digits: &str, radix: u32) -> bool {
    let d = digits.trim_start_matches('0');
    match radix {
        10 => d == "9223372036854775808",
        16 => d == "8000000000000000",
        8 => d == "1000000000000000000000",
        2 => d.len() == 64 && d.starts_with('1') && d[1..].bytes().all(|b| b == b'0'),
        _ => false,
    }
}

/// Constant folding of what CPython's AST optimizer folds and matters most:
/// literals, `-literal`, `+literal`, `~int`, `__debug__`, tuples of constants.
fn fold_const(e: &Expr, depth: u32) -> Option<Const> {
    if depth > MAX_CONST_DEPTH {
        return None;
    }
    match &e.kind {
        ExprKind::Constant(c) => Some(ast_const(c)),
        ExprKind::Name {
            id,
            ctx: ExprContext::Load,
        } if id == "__debug__" => Some(Const::True),
        ExprKind::UnaryOp { op, operand } => {
            // Only numeric literals (CPython folds more, but keep it safe).
            let v = match &operand.kind {
                ExprKind::Constant(c) => ast_const(c),
                ExprKind::UnaryOp { .. } => fold_const(operand, depth + 1)?,
                _ => return None,
            };
            match (op, v) {
                (UnaryOp::USub, Const::Int(i)) => i.checked_neg().map(Const::Int),
                (UnaryOp::USub, Const::BigInt { digits, radix })
                    if is_two_pow_63(&digits, radix) =>
                {
                    Some(Const::Int(i64::MIN))
                }
                (UnaryOp::USub, Const::Float(f)) => Some(Const::Float(-f)),
                (UnaryOp::USub, Const::Complex { real, imag }) => Some(Const::Complex {
                    real: -real,
                    imag: -imag,
                }),
                (UnaryOp::UAdd, v @ (Const::Int(_) | Const::Float(_) | Const::Complex { .. })) => {
                    Some(v)
                }
                (UnaryOp::Invert, Const::Int(i)) => Some(Const::Int(!i)),
                _ => None,
            }
        }
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        } => {
            let mut v = Vec::with_capacity(elts.len());
            for x in elts {
                v.push(fold_const(x, depth + 1)?);
            }
            Some(Const::Tuple(v))
        }
        _ => None,
    }
}

/// Does a body contain an annotated assignment (outside nested scopes)?
fn find_ann(body: &[Stmt]) -> bool {
    let mut work: Vec<&[Stmt]> = vec![body];
    while let Some(stmts) = work.pop() {
        for s in stmts {
            match &s.kind {
                StmtKind::AnnAssign { .. } => return true,
                StmtKind::For { body, orelse, .. }
                | StmtKind::While { body, orelse, .. }
                | StmtKind::If { body, orelse, .. } => {
                    work.push(body);
                    work.push(orelse);
                }
                StmtKind::With { body, .. } => work.push(body),
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                    ..
                } => {
                    work.push(body);
                    work.push(orelse);
                    work.push(finalbody);
                    for h in handlers {
                        work.push(&h.body);
                    }
                }
                _ => {}
            }
        }
    }
    false
}

fn cmp_op(op: CmpOp) -> (Op, u32) {
    match op {
        CmpOp::Lt => (Op::COMPARE_OP, 0),
        CmpOp::LtE => (Op::COMPARE_OP, 1),
        CmpOp::Eq => (Op::COMPARE_OP, 2),
        CmpOp::NotEq => (Op::COMPARE_OP, 3),
        CmpOp::Gt => (Op::COMPARE_OP, 4),
        CmpOp::GtE => (Op::COMPARE_OP, 5),
        CmpOp::Is => (Op::IS_OP, 0),
        CmpOp::IsNot => (Op::IS_OP, 1),
        CmpOp::In => (Op::CONTAINS_OP, 0),
        CmpOp::NotIn => (Op::CONTAINS_OP, 1),
    }
}

fn is_const_none(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Constant(Constant::None))
}

impl<'a> Unit<'a> {
    fn new(block: usize, kind: UnitKind, name: &str, firstlineno: u32) -> Unit<'a> {
        Unit {
            block,
            kind,
            name: name.to_string(),
            qualname: name.to_string(),
            private: None,
            instrs: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_index: BTreeMap::new(),
            names: Vec::new(),
            name_index: BTreeMap::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            fblocks: Vec::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno,
            loc: Loc {
                line: firstlineno,
                col: 0,
                end_line: firstlineno,
                end_col: 0,
            },
            docstring: None,
        }
    }
}

impl<'a> Compiler<'a> {
    fn new(
        st: &'a SymbolTable,
        filename: &'a str,
        future: Future,
        max_nesting: u32,
    ) -> Compiler<'a> {
        Compiler {
            st,
            filename,
            u: Unit::new(0, UnitKind::Module, "<module>", 1),
            parents: Vec::new(),
            interactive: false,
            future,
            depth: 0,
            max_nesting,
            overflow: None,
        }
    }

    // ---- errors and limits ----

    fn error_at(&self, msg: impl Into<String>, loc: Loc) -> BoxErr {
        Box::new(SyntaxError::new(msg, loc.line, loc.col))
    }

    /// An error at the current location.
    fn error(&self, msg: impl Into<String>) -> BoxErr {
        self.error_at(msg, self.u.loc)
    }

    fn enter(&mut self, loc: Loc, what: &str) -> R {
        self.depth += 1;
        if self.depth > self.max_nesting {
            return Err(self.error_at(what, loc));
        }
        if let Some(m) = self.overflow {
            return Err(self.error_at(m, loc));
        }
        Ok(())
    }

    fn block_info(&self) -> Res<&'a symtable::Block> {
        self.st
            .block(self.u.block)
            .ok_or_else(|| internal("missing symbol table block"))
    }

    // ---- emission ----

    fn emit(&mut self, op: Op, arg: u32) {
        if self.u.instrs.len() >= MAX_INSTRS {
            self.overflow = Some("code object too large");
            return;
        }
        if arg > u16::MAX as u32 && !op.is_jump() {
            self.overflow = Some("too many constants, names or arguments in one code object");
        }
        self.u.instrs.push(Instr {
            op,
            arg,
            line: self.u.loc.line,
        });
    }

    fn op(&mut self, op: Op) {
        self.emit(op, 0)
    }

    fn op_i(&mut self, op: Op, arg: usize) {
        let a = if arg > u32::MAX as usize {
            u32::MAX
        } else {
            arg as u32
        };
        self.emit(op, a)
    }

    fn new_label(&mut self) -> Label {
        self.u.labels.push(u32::MAX);
        Label((self.u.labels.len() - 1) as u32)
    }

    fn bind(&mut self, l: Label) {
        let here = self.u.instrs.len() as u32;
        if let Some(slot) = self.u.labels.get_mut(l.0 as usize) {
            *slot = here;
        }
    }

    fn jump(&mut self, op: Op, l: Label) {
        self.emit(op, l.0)
    }

    /// Mark following code as artificial (no line of its own).
    fn unset_loc(&mut self) {
        self.u.loc.line = 0;
    }

    fn add_const(&mut self, c: Const) -> usize {
        let key = match &c {
            Const::Int(i) => Some(ConstKey::Int(*i)),
            Const::Str(s) => Some(ConstKey::Str(s.clone())),
            _ => None,
        };
        if let Some(k) = &key {
            if let Some(&i) = self.u.const_index.get(k) {
                return i;
            }
        } else if !matches!(c, Const::Code(_)) {
            if let Some(i) = self.u.consts.iter().position(|x| same_const(x, &c)) {
                return i;
            }
        }
        let i = self.u.consts.len();
        self.u.consts.push(c);
        if let Some(k) = key {
            self.u.const_index.insert(k, i);
        }
        i
    }

    fn load_const(&mut self, c: Const) {
        let i = self.add_const(c);
        self.op_i(Op::LOAD_CONST, i);
    }

    fn add_name(&mut self, n: &str) -> usize {
        if let Some(&i) = self.u.name_index.get(n) {
            return i;
        }
        let i = self.u.names.len();
        self.u.names.push(n.to_string());
        self.u.name_index.insert(n.to_string(), i);
        i
    }

    fn mangled(&self, n: &str) -> String {
        mangle(self.u.private.as_deref(), n)
    }

    /// An op on `names[..]` with the (mangled) name.
    fn op_name(&mut self, op: Op, n: &str) {
        let m = self.mangled(n);
        let i = self.add_name(&m);
        self.op_i(op, i);
    }

    /// An op on `names[..]` with the name as is.
    fn op_name_raw(&mut self, op: Op, n: &str) {
        let i = self.add_name(n);
        self.op_i(op, i);
    }

    fn push_fblock(&mut self, kind: FbKind, block: Label, exit: Label) -> R {
        self.push_fblock_full(FBlock {
            kind,
            block,
            exit,
            body: &[],
            name: None,
            loc: self.u.loc,
        })
    }

    fn push_fblock_full(&mut self, fb: FBlock<'a>) -> R {
        if self.u.fblocks.len() >= MAX_FBLOCKS {
            return Err(self.error("too many statically nested blocks"));
        }
        self.u.fblocks.push(fb);
        Ok(())
    }

    fn pop_fblock(&mut self) {
        self.u.fblocks.pop();
    }

    // ---- scopes ----

    #[inline(never)]
    fn enter_scope(&mut self, name: &str, kind: UnitKind, block: Option<usize>, lineno: u32) -> R {
        let block = block.ok_or_else(|| internal("no symbol table block for scope"))?;
        let b = self
            .st
            .block(block)
            .ok_or_else(|| internal("bad symbol table block"))?;
        let mut u = Unit::new(block, kind, name, lineno);
        u.varnames = b.varnames.clone();
        u.cellvars = b.names_by_scope(Scope::Cell, 0);
        if b.needs_class_closure {
            u.cellvars.insert(0, "__class__".to_string());
        }
        u.freevars = b.names_by_scope(Scope::Free, DEF_FREE_CLASS);
        u.private = self.u.private.clone();
        let parent = core::mem::replace(&mut self.u, u);
        self.parents.push(parent);
        self.set_qualname();
        Ok(())
    }

    fn set_qualname(&mut self) {
        let mut base: Option<String> = None;
        if self.parents.len() > 1 {
            if let Some(parent) = self.parents.last() {
                let mut force_global = false;
                if matches!(
                    self.u.kind,
                    UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class
                ) {
                    let m = mangle(parent.private.as_deref(), &self.u.name);
                    if self.st.block(parent.block).and_then(|b| b.scope(&m))
                        == Some(Scope::GlobalExplicit)
                    {
                        force_global = true;
                    }
                }
                if !force_global {
                    if matches!(
                        parent.kind,
                        UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda
                    ) {
                        base = Some(format!("{}.<locals>", parent.qualname));
                    } else {
                        base = Some(parent.qualname.clone());
                    }
                }
            }
        }
        self.u.qualname = match base {
            Some(b) => format!("{}.{}", b, self.u.name),
            None => self.u.name.clone(),
        };
    }

    /// Leave the current scope and assemble its code.
    fn exit_scope(&mut self) -> Res<CodeUnit> {
        let parent = self
            .parents
            .pop()
            .ok_or_else(|| internal("scope stack underflow"))?;
        let u = core::mem::replace(&mut self.u, parent);
        self.assemble(u)
    }

    fn code_flags(&self, u: &Unit) -> u32 {
        let mut flags = 0;
        if let Some(b) = self.st.block(u.block) {
            if b.kind == BlockKind::Function {
                flags |= co::OPTIMIZED | co::NEWLOCALS;
                if b.nested {
                    flags |= co::NESTED;
                }
                match (b.generator, b.coroutine) {
                    (true, false) => flags |= co::GENERATOR,
                    (false, true) => flags |= co::COROUTINE,
                    (true, true) => flags |= co::ASYNC_GENERATOR,
                    _ => {}
                }
                if b.varargs {
                    flags |= co::VARARGS;
                }
                if b.varkeywords {
                    flags |= co::VARKEYWORDS;
                }
            }
        }
        if u.cellvars.is_empty() && u.freevars.is_empty() {
            flags |= co::NOFREE;
        }
        flags
    }
}

// ---------------------------------------------------------------------------
// Assembly

/// Value-stack and block-stack depth analysis of finished code: returns
/// `(max stack depth, max block depth)`; every join must agree.
fn flow_depths(code: &[u8]) -> Result<(u32, u32), &'static str> {
    let n = code.len();
    let mut depth: Vec<i32> = vec![-1; n];
    let mut blocks: Vec<i32> = vec![-1; n];
    let mut work: Vec<usize> = Vec::new();
    let (mut maxd, mut maxb) = (0i32, 0i32);
    if n == 0 {
        return Err("empty code");
    }
    depth[0] = 0;
    blocks[0] = 0;
    work.push(0);
    while let Some(pc) = work.pop() {
        let (op, arg, next) = crate::bytecode::decode(code, pc).ok_or("bad instruction")?;
        let d = depth[pc];
        let b = blocks[pc];
        let mut edges: [Option<(usize, i32, i32)>; 2] = [None, None];
        if !is_terminator(op) {
            let e = stack_effect(op, arg, false).ok_or("bad stack effect")?;
            let nb = match op {
                Op::SETUP_FINALLY | Op::SETUP_CLEANUP | Op::SETUP_WITH => b + 1,
                Op::POP_BLOCK => b - 1,
                _ => b,
            };
            edges[0] = Some((next, d + e, nb));
        }
        if op.is_jump() {
            let e = stack_effect(op, arg, true).ok_or("bad stack effect")?;
            edges[1] = Some((arg as usize, d + e, b));
        }
        for (t, nd, nb) in edges.iter().flatten().copied() {
            if nd < 0 || nb < 0 {
                return Err("stack underflow");
            }
            if t >= n {
                return Err("falls off the end");
            }
            maxd = maxd.max(nd);
            maxb = maxb.max(nb);
            if depth[t] < 0 {
                depth[t] = nd;
                blocks[t] = nb;
                work.push(t);
            } else if depth[t] != nd || blocks[t] != nb {
                return Err("inconsistent stack depth");
            }
        }
    }
    Ok((maxd as u32, maxb as u32))
}

impl<'a> Compiler<'a> {
    #[inline(never)]
    fn assemble(&mut self, mut u: Unit<'a>) -> Res<CodeUnit> {
        if let Some(m) = self.overflow {
            return Err(err_box(m, u.firstlineno, 0));
        }
        let n0 = u.instrs.len() as u32;
        let open_end =
            !matches!(u.instrs.last(), Some(i) if is_terminator(i.op)) || u.labels.contains(&n0);
        if open_end {
            let line = 0;
            let i = {
                let c = Const::None;
                match u.consts.iter().position(|x| same_const(x, &c)) {
                    Some(i) => i,
                    None => {
                        u.consts.push(c);
                        u.consts.len() - 1
                    }
                }
            };
            u.instrs.push(Instr {
                op: Op::LOAD_CONST,
                arg: i as u32,
                line,
            });
            u.instrs.push(Instr {
                op: Op::RETURN_VALUE,
                arg: 0,
                line,
            });
        }
        // Locals that are `+=` targets: their other loads and stores end
        // the ownership of a str (see Op::LOAD_FAST_INPLACE).
        if u.instrs.iter().any(|i| i.op == Op::LOAD_FAST_INPLACE) {
            let targets: Vec<u32> = u
                .instrs
                .iter()
                .filter(|i| i.op == Op::LOAD_FAST_INPLACE)
                .map(|i| i.arg)
                .collect();
            for i in u.instrs.iter_mut() {
                if targets.contains(&i.arg) {
                    i.op = match i.op {
                        Op::LOAD_FAST => Op::LOAD_FAST_DISOWN,
                        Op::STORE_FAST => Op::STORE_FAST_DISOWN,
                        other => other,
                    };
                }
            }
        }
        let n = u.instrs.len();
        let mut targets: Vec<usize> = vec![usize::MAX; n];
        for (i, ins) in u.instrs.iter().enumerate() {
            if ins.op.is_jump() {
                let t = *u
                    .labels
                    .get(ins.arg as usize)
                    .ok_or_else(|| internal("bad label"))?;
                if t as usize >= n {
                    return Err(internal("unbound label"));
                }
                targets[i] = t as usize;
            }
        }
        // Jump threading: a jump to an unconditional `JUMP` goes straight to
        // its target (conditional jumps only forwards, so that loops keep
        // closing with a `JUMP` back, where the VM checks for interrupts).
        let skip_nops = |mut t: usize| {
            while t < n && u.instrs[t].op == Op::NOP {
                t += 1;
            }
            t
        };
        for i in 0..n {
            let op = u.instrs[i].op;
            if !op.is_jump() || matches!(op, Op::SETUP_FINALLY | Op::SETUP_CLEANUP | Op::SETUP_WITH)
            {
                continue;
            }
            let mut t = targets[i];
            for _hop in 0..8 {
                let j = skip_nops(t);
                if j >= n || u.instrs[j].op != Op::JUMP || j == i {
                    break;
                }
                let nt = targets[j];
                if op != Op::JUMP && nt <= i {
                    break;
                }
                t = nt;
            }
            targets[i] = t;
        }
        // Conditional jump threading on known truth values (CPython 3.11's
        // rules): `a and b or c` evaluates `bool(a)` once.
        for i in 0..n {
            let op = u.instrs[i].op;
            let (sense, is_or_pop) = match op {
                Op::JUMP_IF_FALSE_OR_POP => (false, true),
                Op::JUMP_IF_TRUE_OR_POP => (true, true),
                _ => continue,
            };
            let _ = is_or_pop;
            for _hop in 0..8 {
                let mut j = targets[i];
                while j < n && u.instrs[j].op == Op::NOP {
                    j += 1;
                }
                if j >= n || j <= i {
                    break;
                }
                let (tsense, tpops_always) = match u.instrs[j].op {
                    Op::JUMP_IF_FALSE_OR_POP => (false, false),
                    Op::JUMP_IF_TRUE_OR_POP => (true, false),
                    Op::POP_JUMP_IF_FALSE => (false, true),
                    Op::POP_JUMP_IF_TRUE => (true, true),
                    _ => break,
                };
                if tsense == sense {
                    // The value reaching j makes it jump again.
                    if targets[j] <= i {
                        break;
                    }
                    if tpops_always {
                        u.instrs[i].op = if sense {
                            Op::POP_JUMP_IF_TRUE
                        } else {
                            Op::POP_JUMP_IF_FALSE
                        };
                    }
                    targets[i] = targets[j];
                    if tpops_always {
                        break;
                    }
                } else {
                    // The value reaching j falls through it, popped.
                    u.instrs[i].op = if sense {
                        Op::POP_JUMP_IF_TRUE
                    } else {
                        Op::POP_JUMP_IF_FALSE
                    };
                    targets[i] = j + 1;
                    break;
                }
            }
        }
        // Reachability.
        let mut reach = vec![false; n];
        let mut work = vec![0usize];
        while let Some(i) = work.pop() {
            if i >= n || reach[i] {
                continue;
            }
            reach[i] = true;
            let op = u.instrs[i].op;
            if op.is_jump() {
                work.push(targets[i]);
            }
            if !is_terminator(op) {
                work.push(i + 1);
            }
        }
        let mut keep: Vec<bool> = (0..n)
            .map(|i| reach[i] && u.instrs[i].op != Op::NOP)
            .collect();
        // next_kept[i]: first kept instruction at or after i.
        let mut next_kept = vec![n; n + 1];
        for _round in 0..8 {
            let mut nk = n;
            for i in (0..n).rev() {
                if keep[i] {
                    nk = i;
                }
                next_kept[i] = nk;
            }
            next_kept[n] = n;
            let mut changed = false;
            for i in 0..n {
                if keep[i]
                    && u.instrs[i].op == Op::JUMP
                    && next_kept[targets[i]] == next_kept[i + 1]
                {
                    keep[i] = false;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        {
            let mut nk = n;
            for i in (0..n).rev() {
                if keep[i] {
                    nk = i;
                }
                next_kept[i] = nk;
            }
        }
        // Constants actually used, in order of first use.
        let mut old_consts: Vec<Option<Const>> = core::mem::take(&mut u.consts)
            .into_iter()
            .map(Some)
            .collect();
        let mut const_map = vec![u32::MAX; old_consts.len()];
        let mut consts: Vec<Const> = Vec::new();
        for i in 0..n {
            let ins = u.instrs[i];
            if keep[i] && ins.op == Op::LOAD_CONST {
                let k = ins.arg as usize;
                if k < const_map.len() && const_map[k] == u32::MAX {
                    const_map[k] = consts.len() as u32;
                    consts.push(old_consts[k].take().unwrap_or(Const::None));
                }
            }
        }
        if consts.len() > u16::MAX as usize + 1 {
            return Err(err_box(
                "too many constants in one code object",
                u.firstlineno,
                0,
            ));
        }
        // Offsets and encoding.
        let mut offsets = vec![0u32; n + 1];
        let mut off = 0u32;
        for i in 0..n {
            offsets[i] = off;
            if keep[i] {
                off += u.instrs[i].op.size() as u32;
            }
        }
        offsets[n] = off;
        let mut code: Vec<u8> = Vec::with_capacity(off as usize);
        let mut lines: Vec<LineEntry> = Vec::new();
        let mut last_line = u.firstlineno;
        for i in 0..n {
            if !keep[i] {
                continue;
            }
            let ins = u.instrs[i];
            if ins.line != 0 && ins.line != last_line {
                lines.push(LineEntry {
                    start: code.len() as u32,
                    line: ins.line,
                });
                last_line = ins.line;
            }
            code.push(ins.op as u8);
            if ins.op.has_arg() {
                let arg = if ins.op.is_jump() {
                    offsets[next_kept[targets[i]]]
                } else if ins.op == Op::LOAD_CONST {
                    *const_map
                        .get(ins.arg as usize)
                        .ok_or_else(|| internal("bad constant"))?
                } else {
                    ins.arg
                };
                if arg > u16::MAX as u32 {
                    return Err(err_box(
                        "code object too large (jump target or index beyond 65535)",
                        if ins.line != 0 { ins.line } else { last_line },
                        0,
                    ));
                }
                code.push(arg as u8);
                code.push((arg >> 8) as u8);
            }
        }
        let (stacksize, maxblocks) = flow_depths(&code).map_err(internal)?;
        if stacksize > u16::MAX as u32 || maxblocks > u16::MAX as u32 {
            return Err(err_box("code object too large (stack)", u.firstlineno, 0));
        }
        let flags = self.code_flags(&u);
        let nparams = u.argcount as usize
            + u.kwonlyargcount as usize
            + usize::from(flags & co::VARARGS != 0)
            + usize::from(flags & co::VARKEYWORDS != 0);
        let cell2arg: Vec<Option<u16>> = u
            .cellvars
            .iter()
            .map(|c| {
                u.varnames
                    .iter()
                    .take(nparams)
                    .position(|v| v == c)
                    .map(|i| i as u16)
            })
            .collect();
        if u.varnames.len() > u16::MAX as usize
            || u.names.len() > u16::MAX as usize + 1
            || u.cellvars.len() + u.freevars.len() > u16::MAX as usize
        {
            return Err(err_box(
                "too many names in one code object",
                u.firstlineno,
                0,
            ));
        }
        Ok(CodeUnit {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.to_string(),
            firstlineno: u.firstlineno,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell2arg,
            names: u.names,
            consts,
            code,
            lines,
            stacksize: stacksize as u16,
            maxblocks: maxblocks as u16,
            docstring: u.docstring,
        })
    }
}

// ---------------------------------------------------------------------------
// Modules and statements

impl<'a> Compiler<'a> {
    fn compile_mod(&mut self, m: &'a Mod) -> Res<CodeUnit> {
        self.u.block = self
            .st
            .block_of(m)
            .ok_or_else(|| internal("no module block"))?;
        match m {
            Mod::Module(body) => {
                self.compile_body(body)?;
            }
            Mod::Interactive(body) => {
                if let Some(s) = body.first() {
                    self.u.loc = s.loc;
                }
                if find_ann(body) {
                    self.op(Op::SETUP_ANNOTATIONS);
                }
                self.interactive = true;
                self.compile_stmts(body)?;
            }
            Mod::Expression(e) => {
                self.compile_expr(e)?;
                self.op(Op::RETURN_VALUE);
            }
        }
        let u = core::mem::replace(&mut self.u, Unit::new(0, UnitKind::Module, "", 0));
        self.assemble(u)
    }

    /// Module and class bodies: `__annotations__`, the docstring, the code.
    fn compile_body(&mut self, body: &'a [Stmt]) -> R {
        if self.u.kind == UnitKind::Module {
            if let Some(s) = body.first() {
                self.u.loc = s.loc;
            }
        }
        if find_ann(body) {
            self.op(Op::SETUP_ANNOTATIONS);
        }
        let mut rest = body;
        if let (Some(doc), Some(first)) = (ast::docstring(body), body.first()) {
            self.u.docstring = Some(doc.to_string());
            self.u.loc = first.loc;
            if let StmtKind::Expr { value } = &first.kind {
                self.compile_expr(value)?;
            }
            self.unset_loc();
            self.nameop("__doc__", ExprContext::Store)?;
            rest = &body[1..];
        }
        self.compile_stmts(rest)
    }

    fn compile_stmts(&mut self, body: &'a [Stmt]) -> R {
        for s in body {
            self.compile_stmt(s)?;
        }
        Ok(())
    }

    fn compile_stmt(&mut self, s: &'a Stmt) -> R {
        self.enter(s.loc, "too many statically nested blocks")?;
        self.u.loc = s.loc;
        let r = self.compile_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn compile_stmt_inner(&mut self, s: &'a Stmt) -> R {
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                is_async,
            } => self.compile_function(
                s,
                name,
                args,
                body,
                decorator_list,
                returns.as_deref(),
                *is_async,
            ),
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => self.compile_class(s, name, bases, keywords, body, decorator_list),
            StmtKind::Return { value } => self.compile_return(s, value.as_deref()),
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.compile_expr(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value } => {
                // `a, b = b, a` (2 or 3 plain items on each side): evaluate
                // the values, reorder them with SWAP and store, without
                // building a tuple.
                if let ([t], ExprKind::Tuple { elts: vals, .. }) = (&targets[..], &value.kind) {
                    if let ExprKind::Tuple { elts: tgts, .. } | ExprKind::List { elts: tgts, .. } =
                        &t.kind
                    {
                        let plain = |e: &&Expr| !matches!(e.kind, ExprKind::Starred { .. });
                        if (2..=3).contains(&vals.len())
                            && vals.len() == tgts.len()
                            && vals.iter().all(|e| plain(&e))
                            && tgts.iter().all(|e| plain(&e))
                        {
                            for v in vals {
                                self.compile_expr(v)?;
                            }
                            self.op_i(Op::SWAP, vals.len());
                            for t in tgts {
                                self.compile_expr(t)?;
                            }
                            return Ok(());
                        }
                    }
                }
                self.compile_expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.op_i(Op::COPY, 1);
                    }
                    self.compile_expr(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.compile_augassign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.compile_annassign(target, annotation, value.as_deref(), *simple),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.compile_async_for(target, iter, body, orelse)
                } else {
                    self.compile_for(target, iter, body, orelse)
                }
            }
            StmtKind::While { test, body, orelse } => self.compile_while(test, body, orelse),
            StmtKind::If { .. } => self.compile_if(s),
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.compile_async_with(s, items, body, 0)
                } else {
                    self.compile_with(s, items, body, 0)
                }
            }
            StmtKind::Raise { exc, cause } => self.compile_raise(exc.as_deref(), cause.as_deref()),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                if !finalbody.is_empty() {
                    self.compile_try_finally(body, handlers, orelse, finalbody, *is_star)
                } else if *is_star {
                    self.compile_try_star_except(body, handlers, orelse)
                } else {
                    self.compile_try_except(body, handlers, orelse)
                }
            }
            StmtKind::Assert { test, msg } => self.compile_assert(test, msg.as_deref()),
            StmtKind::Import { names } => self.compile_import(names),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.compile_import_from(s, module.as_deref(), names, *level),
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } => {
                if self.interactive && self.parents.is_empty() {
                    self.compile_expr(value)?;
                    self.op(Op::PRINT_EXPR);
                    return Ok(());
                }
                if fold_const(value, 0).is_some() {
                    return Ok(());
                }
                self.compile_expr(value)?;
                self.unset_loc();
                self.op(Op::POP_TOP);
                Ok(())
            }
            StmtKind::Pass => Ok(()),
            StmtKind::Break => self.compile_break(s, false),
            StmtKind::Continue => self.compile_break(s, true),
            StmtKind::Match { subject, cases } => self.compile_match(subject, cases),
        }
    }

    #[inline(never)]
    fn compile_raise(&mut self, exc: Option<&'a Expr>, cause: Option<&'a Expr>) -> R {
        let mut n = 0;
        if let Some(e) = exc {
            self.compile_expr(e)?;
            n += 1;
            if let Some(c) = cause {
                self.compile_expr(c)?;
                n += 1;
            }
        }
        self.op_i(Op::RAISE_VARARGS, n);
        Ok(())
    }

    #[inline(never)]
    fn compile_assert(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> R {
        let end = self.new_label();
        self.jump_if(test, end, true)?;
        self.op(Op::LOAD_ASSERTION_ERROR);
        if let Some(m) = msg {
            self.compile_expr(m)?;
            self.op_i(Op::CALL, 1);
        }
        self.op_i(Op::RAISE_VARARGS, 1);
        self.bind(end);
        Ok(())
    }

    #[inline(never)]
    fn compile_import(&mut self, names: &'a [ast::Alias]) -> R {
        for a in names {
            self.u.loc = a.loc;
            self.load_const(Const::Int(0));
            self.load_const(Const::None);
            self.op_name(Op::IMPORT_NAME, &a.name);
            match &a.asname {
                Some(asname) => {
                    let parts: Vec<&str> = a.name.split('.').collect();
                    if parts.len() > 1 {
                        for (k, attr) in parts.iter().enumerate().skip(1) {
                            self.op_name_raw(Op::IMPORT_FROM, attr);
                            if k + 1 == parts.len() {
                                break;
                            }
                            self.op_i(Op::SWAP, 2);
                            self.op(Op::POP_TOP);
                        }
                        self.nameop(asname, ExprContext::Store)?;
                        self.op(Op::POP_TOP);
                    } else {
                        self.nameop(asname, ExprContext::Store)?;
                    }
                }
                None => {
                    let first = a.name.split('.').next().unwrap_or("");
                    self.nameop(first, ExprContext::Store)?;
                }
            }
        }
        Ok(())
    }

    #[inline(never)]
    fn compile_import_from(
        &mut self,
        s: &'a Stmt,
        module: Option<&'a str>,
        names: &'a [ast::Alias],
        level: u32,
    ) -> R {
        self.load_const(Const::Int(level as i64));
        if module == Some("__future__") && s.loc.line > self.future.lineno {
            return Err(
                self.error("from __future__ imports must occur at the beginning of the file")
            );
        }
        let fromlist = names.iter().map(|a| Const::Str(a.name.clone())).collect();
        self.load_const(Const::Tuple(fromlist));
        self.op_name(Op::IMPORT_NAME, module.unwrap_or(""));
        for (i, a) in names.iter().enumerate() {
            if i == 0 && a.name.starts_with('*') {
                self.op(Op::IMPORT_STAR);
                return Ok(());
            }
            self.op_name(Op::IMPORT_FROM, &a.name);
            let store = a.asname.as_deref().unwrap_or(a.name.as_str());
            self.nameop(store, ExprContext::Store)?;
        }
        self.op(Op::POP_TOP);
        Ok(())
    }

    /// `break` (or `continue`): unwind to the innermost loop and jump.
    #[inline(never)]
    fn compile_break(&mut self, s: &'a Stmt, is_continue: bool) -> R {
        match self.unwind_fblock_stack(false, true)? {
            Some(l) if is_continue => {
                self.jump(Op::JUMP, l.block);
                Ok(())
            }
            Some(l) => {
                self.unwind_fblock(&l, false)?;
                self.jump(Op::JUMP, l.exit);
                Ok(())
            }
            None if is_continue => Err(self.error_at("'continue' not properly in loop", s.loc)),
            None => Err(self.error_at("'break' outside loop", s.loc)),
        }
    }

    // ---- return / break / continue through blocks ----

    #[inline(never)]
    fn compile_return(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> R {
        let b = self.block_info()?;
        if b.kind != BlockKind::Function {
            return Err(self.error_at("'return' outside function", s.loc));
        }
        if value.is_some() && b.coroutine && b.generator {
            return Err(self.error_at("'return' with value in async generator", s.loc));
        }
        let folded = value.and_then(|v| fold_const(v, 0));
        let preserve_tos = value.is_some() && folded.is_none();
        match value {
            Some(v) if preserve_tos => self.compile_expr(v)?,
            Some(v) => self.u.loc = v.loc,
            None => {}
        }
        if !matches!(value, Some(v) if v.loc.line == s.loc.line) {
            self.u.loc = s.loc;
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        if !preserve_tos {
            self.load_const(folded.unwrap_or(Const::None));
        }
        self.op(Op::RETURN_VALUE);
        Ok(())
    }

    /// Emit the unwinding of the static blocks (innermost first); with
    /// `want_loop`, stop at (and return) the innermost loop.
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
    ) -> Res<Option<FBlock<'a>>> {
        let top = match self.u.fblocks.last() {
            Some(t) => t.clone(),
            None => return Ok(None),
        };
        if top.kind == FbKind::ExceptionGroupHandler {
            return Err(
                self.error("'break', 'continue' and 'return' cannot appear in an except* block")
            );
        }
        if want_loop && matches!(top.kind, FbKind::WhileLoop | FbKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u.fblocks.pop();
        let r = match self.unwind_fblock(&top, preserve_tos) {
            Ok(()) => self.unwind_fblock_stack(preserve_tos, want_loop),
            Err(e) => Err(e),
        };
        self.u.fblocks.push(top);
        r
    }

    #[inline(never)]
    fn unwind_fblock(&mut self, info: &FBlock<'a>, preserve_tos: bool) -> R {
        match info.kind {
            FbKind::WhileLoop
            | FbKind::ExceptionHandler
            | FbKind::ExceptionGroupHandler
            | FbKind::AsyncComprehensionGenerator => {}
            FbKind::ForLoop => {
                if preserve_tos {
                    self.op_i(Op::SWAP, 2);
                }
                self.op(Op::POP_TOP);
            }
            FbKind::TryExcept => self.op(Op::POP_BLOCK),
            FbKind::FinallyTry => {
                self.op(Op::POP_BLOCK);
                if preserve_tos {
                    let l = self.new_label();
                    self.push_fblock(FbKind::PopValue, l, l)?;
                }
                let saved = self.u.loc;
                self.compile_stmts(info.body)?;
                self.u.loc = saved;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FbKind::FinallyEnd => {
                if preserve_tos {
                    self.op_i(Op::SWAP, 2);
                }
                self.op(Op::POP_TOP);
                if preserve_tos {
                    self.op_i(Op::SWAP, 2);
                }
                self.op(Op::POP_BLOCK);
                self.op(Op::POP_EXCEPT);
            }
            FbKind::With | FbKind::AsyncWith => {
                self.u.loc = info.loc;
                self.op(Op::POP_BLOCK);
                if preserve_tos {
                    self.op_i(Op::SWAP, 2);
                }
                self.call_exit_with_nones();
                if info.kind == FbKind::AsyncWith {
                    self.op_i(Op::GET_AWAITABLE, 2);
                    self.load_const(Const::None);
                    self.yield_from();
                }
                self.op(Op::POP_TOP);
                self.unset_loc();
            }
            FbKind::HandlerCleanup => {
                if info.name.is_some() {
                    self.op(Op::POP_BLOCK);
                }
                if preserve_tos {
                    self.op_i(Op::SWAP, 2);
                }
                self.op(Op::POP_BLOCK);
                self.op(Op::POP_EXCEPT);
                if let Some(n) = info.name {
                    self.load_const(Const::None);
                    self.nameop(n, ExprContext::Store)?;
                    self.nameop(n, ExprContext::Del)?;
                }
            }
            FbKind::PopValue => {
                if preserve_tos {
                    self.op_i(Op::SWAP, 2);
                }
                self.op(Op::POP_TOP);
            }
        }
        Ok(())
    }

    // ---- loops and conditionals ----

    #[inline(never)]
    fn compile_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> R {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FbKind::ForLoop, start, end)?;
        self.compile_iterable(iter)?;
        self.op(Op::GET_ITER);
        self.bind(start);
        self.jump(Op::FOR_ITER, cleanup);
        self.compile_expr(target)?;
        self.compile_stmts(body)?;
        self.unset_loc();
        self.jump(Op::JUMP, start);
        self.bind(cleanup);
        self.pop_fblock();
        self.compile_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// The iterable of a `for`: a list display of constants becomes a tuple.
    fn compile_iterable(&mut self, iter: &'a Expr) -> R {
        if let ExprKind::List {
            elts,
            ctx: ExprContext::Load,
        } = &iter.kind
        {
            if !elts.is_empty() {
                let folded: Option<Vec<Const>> = elts.iter().map(|e| fold_const(e, 1)).collect();
                if let Some(v) = folded {
                    self.load_const(Const::Tuple(v));
                    return Ok(());
                }
            }
        }
        self.compile_expr(iter)
    }

    #[inline(never)]
    fn compile_async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> R {
        if self.u.kind != UnitKind::AsyncFunction {
            return Err(self.error("'async for' outside async function"));
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.compile_expr(iter)?;
        self.op(Op::GET_AITER);
        self.bind(start);
        self.push_fblock(FbKind::ForLoop, start, end)?;
        self.jump(Op::SETUP_FINALLY, except);
        self.op(Op::GET_ANEXT);
        self.load_const(Const::None);
        self.yield_from();
        self.op(Op::POP_BLOCK);
        self.compile_expr(target)?;
        self.compile_stmts(body)?;
        self.unset_loc();
        self.jump(Op::JUMP, start);
        self.pop_fblock();
        self.bind(except);
        self.u.loc.line = iter.loc.line;
        self.op(Op::END_ASYNC_FOR);
        self.compile_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    #[inline(never)]
    fn compile_while(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> R {
        let top = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.push_fblock(FbKind::WhileLoop, top, end)?;
        self.bind(top);
        self.jump_if(test, anchor, false)?;
        self.compile_stmts(body)?;
        self.unset_loc();
        self.jump(Op::JUMP, top);
        self.pop_fblock();
        self.bind(anchor);
        self.compile_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    #[inline(never)]
    fn compile_if(&mut self, s: &'a Stmt) -> R {
        let end = self.new_label();
        let mut cur = s;
        while let StmtKind::If { test, body, orelse } = &cur.kind {
            self.u.loc = cur.loc;
            let next = if orelse.is_empty() {
                end
            } else {
                self.new_label()
            };
            self.jump_if(test, next, false)?;
            self.compile_stmts(body)?;
            if orelse.is_empty() {
                break;
            }
            self.unset_loc();
            self.jump(Op::JUMP, end);
            self.bind(next);
            if orelse.len() == 1 && matches!(orelse[0].kind, StmtKind::If { .. }) {
                cur = &orelse[0];
                continue;
            }
            self.compile_stmts(orelse)?;
            break;
        }
        self.bind(end);
        Ok(())
    }

    /// Jump to `next` when the truth of `e` is `cond` (fall through otherwise).
    fn jump_if(&mut self, e: &'a Expr, next: Label, cond: bool) -> R {
        self.enter(e.loc, "expression too deeply nested")?;
        let saved = self.u.loc;
        self.u.loc = e.loc;
        let r = self.jump_if_inner(e, next, cond);
        self.u.loc = saved;
        self.depth -= 1;
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, next: Label, cond: bool) -> R {
        if let Some(c) = fold_const(e, 0) {
            if let Some(t) = const_truth(&c) {
                if t == cond {
                    self.jump(Op::JUMP, next);
                }
                return Ok(());
            }
        }
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, next, !cond),
            ExprKind::BoolOp { op, values } if !values.is_empty() => {
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_label()
                } else {
                    next
                };
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&values[n], next, cond)?;
                if next2 != next {
                    self.bind(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.jump(Op::JUMP, end);
                self.bind(next2);
                self.jump_if(orelse, next, cond)?;
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 && ops.len() == comparators.len() => {
                let n = ops.len() - 1;
                let cleanup = self.new_label();
                self.compile_expr(left)?;
                for i in 0..n {
                    self.compile_expr(&comparators[i])?;
                    self.op_i(Op::SWAP, 2);
                    self.op_i(Op::COPY, 2);
                    self.compare_op(ops[i]);
                    self.jump(Op::POP_JUMP_IF_FALSE, cleanup);
                }
                self.compile_comparator(ops[n], &comparators[n])?;
                self.compare_op(ops[n]);
                self.jump(
                    if cond {
                        Op::POP_JUMP_IF_TRUE
                    } else {
                        Op::POP_JUMP_IF_FALSE
                    },
                    next,
                );
                let end = self.new_label();
                self.jump(Op::JUMP, end);
                self.bind(cleanup);
                self.op(Op::POP_TOP);
                if !cond {
                    self.jump(Op::JUMP, next);
                }
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() == 1
                && comparators.len() == 1
                && matches!(ops[0], CmpOp::Is | CmpOp::IsNot)
                && is_const_none(&comparators[0]) =>
            {
                self.compile_expr(left)?;
                let jump_if_none = (ops[0] == CmpOp::Is) == cond;
                self.jump(
                    if jump_if_none {
                        Op::POP_JUMP_IF_NONE
                    } else {
                        Op::POP_JUMP_IF_NOT_NONE
                    },
                    next,
                );
                return Ok(());
            }
            _ => {}
        }
        self.compile_expr(e)?;
        self.jump(
            if cond {
                Op::POP_JUMP_IF_TRUE
            } else {
                Op::POP_JUMP_IF_FALSE
            },
            next,
        );
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// try / with

impl<'a> Compiler<'a> {
    /// `COPY 3; POP_EXCEPT; RERAISE 1` (CPython's POP_EXCEPT_AND_RERAISE).
    fn pop_except_and_reraise(&mut self) {
        self.op_i(Op::COPY, 3);
        self.op(Op::POP_EXCEPT);
        self.op_i(Op::RERAISE_LASTI, 1);
    }

    #[inline(never)]
    fn compile_try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        is_star: bool,
    ) -> R {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        // `try` block
        self.jump(Op::SETUP_FINALLY, end);
        self.push_fblock_full(FBlock {
            kind: FbKind::FinallyTry,
            block: end,
            exit: end,
            body: finalbody,
            name: None,
            loc: self.u.loc,
        })?;
        if !handlers.is_empty() {
            if is_star {
                self.compile_try_star_except(body, handlers, orelse)?;
            } else {
                self.compile_try_except(body, handlers, orelse)?;
            }
        } else {
            self.compile_stmts(body)?;
        }
        self.unset_loc();
        self.op(Op::POP_BLOCK);
        self.pop_fblock();
        self.compile_stmts(finalbody)?;
        self.unset_loc();
        self.jump(Op::JUMP, exit);
        // `finally` block
        self.bind(end);
        self.jump(Op::SETUP_CLEANUP, cleanup);
        self.op(Op::PUSH_EXC_INFO);
        self.push_fblock(FbKind::FinallyEnd, end, end)?;
        self.compile_stmts(finalbody)?;
        self.pop_fblock();
        self.unset_loc();
        self.op(Op::RERAISE);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    #[inline(never)]
    fn compile_try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> R {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.jump(Op::SETUP_FINALLY, except);
        self.push_fblock(FbKind::TryExcept, except, except)?;
        self.compile_stmts(body)?;
        self.pop_fblock();
        self.unset_loc();
        self.op(Op::POP_BLOCK);
        self.compile_stmts(orelse)?;
        self.unset_loc();
        self.jump(Op::JUMP, end);
        self.bind(except);
        self.jump(Op::SETUP_CLEANUP, cleanup);
        self.op(Op::PUSH_EXC_INFO);
        self.push_fblock(FbKind::ExceptionHandler, end, end)?;
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            self.u.loc = h.loc;
            if h.typ.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last"));
            }
            let next_except = self.new_label();
            if let Some(t) = &h.typ {
                self.compile_expr(t)?;
                self.op(Op::CHECK_EXC_MATCH);
                self.jump(Op::POP_JUMP_IF_FALSE, next_except);
            }
            match &h.name {
                Some(name) => {
                    let cleanup_end = self.new_label();
                    self.nameop(name, ExprContext::Store)?;
                    // try: body  finally: name = None; del name
                    self.jump(Op::SETUP_CLEANUP, cleanup_end);
                    self.push_fblock_full(FBlock {
                        kind: FbKind::HandlerCleanup,
                        block: cleanup_end,
                        exit: cleanup_end,
                        body: &[],
                        name: Some(name.as_str()),
                        loc: self.u.loc,
                    })?;
                    self.compile_stmts(&h.body)?;
                    self.pop_fblock();
                    self.unset_loc();
                    self.op(Op::POP_BLOCK);
                    self.op(Op::POP_BLOCK);
                    self.op(Op::POP_EXCEPT);
                    self.load_const(Const::None);
                    self.nameop(name, ExprContext::Store)?;
                    self.nameop(name, ExprContext::Del)?;
                    self.jump(Op::JUMP, end);
                    // except: (an exception in the handler body)
                    self.bind(cleanup_end);
                    self.unset_loc();
                    self.load_const(Const::None);
                    self.nameop(name, ExprContext::Store)?;
                    self.nameop(name, ExprContext::Del)?;
                    self.op_i(Op::RERAISE_LASTI, 1);
                }
                None => {
                    self.op(Op::POP_TOP);
                    let l = self.new_label();
                    self.push_fblock(FbKind::HandlerCleanup, l, l)?;
                    self.compile_stmts(&h.body)?;
                    self.pop_fblock();
                    self.unset_loc();
                    self.op(Op::POP_BLOCK);
                    self.op(Op::POP_EXCEPT);
                    self.jump(Op::JUMP, end);
                }
            }
            self.bind(next_except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.op(Op::RERAISE);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `try: ... except* T as n: ...` as CPython 3.11.
    #[inline(never)]
    fn compile_try_star_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> R {
        let except = self.new_label();
        let orelse_l = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.jump(Op::SETUP_FINALLY, except);
        self.push_fblock(FbKind::TryExcept, except, except)?;
        self.compile_stmts(body)?;
        self.pop_fblock();
        self.unset_loc();
        self.op(Op::POP_BLOCK);
        self.jump(Op::JUMP, orelse_l);
        self.bind(except);
        self.jump(Op::SETUP_CLEANUP, cleanup);
        self.op(Op::PUSH_EXC_INFO);
        self.push_fblock(FbKind::ExceptionGroupHandler, end, end)?;
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            self.u.loc = h.loc;
            let next_except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                // [exc] -> [orig, [], exc]
                self.op_i(Op::COPY, 1);
                self.op_i(Op::BUILD_LIST, 0);
                self.op_i(Op::SWAP, 2);
            }
            let t = match &h.typ {
                Some(t) => t,
                None => return Err(self.error("expected one or more exception types")),
            };
            self.compile_expr(t)?;
            self.op(Op::CHECK_EG_MATCH);
            self.op_i(Op::COPY, 1);
            self.jump(Op::POP_JUMP_IF_NONE, no_match);
            let cleanup_end = self.new_label();
            match &h.name {
                Some(name) => self.nameop(name, ExprContext::Store)?,
                None => self.op(Op::POP_TOP),
            }
            self.jump(Op::SETUP_CLEANUP, cleanup_end);
            self.push_fblock_full(FBlock {
                kind: FbKind::HandlerCleanup,
                block: cleanup_end,
                exit: cleanup_end,
                body: &[],
                name: h.name.as_deref(),
                loc: self.u.loc,
            })?;
            self.compile_stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.op(Op::POP_BLOCK);
            if let Some(name) = &h.name {
                self.load_const(Const::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.jump(Op::JUMP, next_except);
            // An exception raised in the handler body.
            self.bind(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.load_const(Const::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.op_i(Op::LIST_APPEND, 3);
            self.op(Op::POP_TOP);
            self.jump(Op::JUMP, except_with_error);
            self.bind(next_except);
            self.jump(Op::JUMP, except_with_error);
            self.bind(no_match);
            self.op(Op::POP_TOP);
            self.bind(except_with_error);
            if i + 1 == n {
                self.op_i(Op::LIST_APPEND, 1);
                self.jump(Op::JUMP, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_label();
        self.bind(reraise_star);
        self.op(Op::PREP_RERAISE_STAR);
        self.op_i(Op::COPY, 1);
        self.jump(Op::POP_JUMP_IF_NOT_NONE, reraise);
        // Nothing to re-raise.
        self.op(Op::POP_TOP);
        self.op(Op::POP_BLOCK);
        self.op(Op::POP_EXCEPT);
        self.jump(Op::JUMP, end);
        self.bind(reraise);
        self.op(Op::POP_BLOCK);
        self.op_i(Op::SWAP, 2);
        self.op(Op::POP_EXCEPT);
        self.op(Op::RERAISE);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse_l);
        self.compile_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `__exit__(None, None, None)` with `[exit]` on top.
    fn call_exit_with_nones(&mut self) {
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.op_i(Op::CALL, 3);
    }

    /// `[exit, lasti, prev_exc, exc, res]`: re-raise unless `res` is true.
    fn with_except_finish(&mut self, cleanup: Label) {
        self.unset_loc();
        let exit = self.new_label();
        self.jump(Op::POP_JUMP_IF_TRUE, exit);
        self.op_i(Op::RERAISE_LASTI, 2);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        self.op(Op::POP_TOP);
        self.op(Op::POP_BLOCK);
        self.op(Op::POP_EXCEPT);
        self.op(Op::POP_TOP);
        self.op(Op::POP_TOP);
    }

    #[inline(never)]
    fn compile_with(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        pos: usize,
    ) -> R {
        let item = match items.get(pos) {
            Some(i) => i,
            None => return self.compile_stmts(body),
        };
        self.enter(s.loc, "too many statically nested blocks")?;
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.compile_expr(&item.context_expr)?;
        self.op(Op::BEFORE_WITH);
        self.jump(Op::SETUP_WITH, final_);
        self.push_fblock_full(FBlock {
            kind: FbKind::With,
            block: final_,
            exit: final_,
            body: &[],
            name: None,
            loc: s.loc,
        })?;
        match &item.optional_vars {
            Some(v) => self.compile_expr(v)?,
            None => self.op(Op::POP_TOP),
        }
        if pos + 1 == items.len() {
            self.compile_stmts(body)?;
        } else {
            self.compile_with(s, items, body, pos + 1)?;
        }
        self.unset_loc();
        self.op(Op::POP_BLOCK);
        self.pop_fblock();
        self.u.loc = s.loc;
        self.call_exit_with_nones();
        self.op(Op::POP_TOP);
        self.jump(Op::JUMP, exit);
        // Exceptional outcome.
        self.bind(final_);
        self.jump(Op::SETUP_CLEANUP, cleanup);
        self.op(Op::PUSH_EXC_INFO);
        self.op(Op::WITH_EXCEPT_START);
        self.with_except_finish(cleanup);
        self.bind(exit);
        self.depth -= 1;
        Ok(())
    }

    #[inline(never)]
    fn compile_async_with(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        pos: usize,
    ) -> R {
        if self.u.kind != UnitKind::AsyncFunction {
            return Err(self.error("'async with' outside async function"));
        }
        let item = match items.get(pos) {
            Some(i) => i,
            None => return self.compile_stmts(body),
        };
        self.enter(s.loc, "too many statically nested blocks")?;
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.compile_expr(&item.context_expr)?;
        self.op(Op::BEFORE_ASYNC_WITH);
        self.op_i(Op::GET_AWAITABLE, 1);
        self.load_const(Const::None);
        self.yield_from();
        self.jump(Op::SETUP_WITH, final_);
        self.push_fblock_full(FBlock {
            kind: FbKind::AsyncWith,
            block: final_,
            exit: final_,
            body: &[],
            name: None,
            loc: s.loc,
        })?;
        match &item.optional_vars {
            Some(v) => self.compile_expr(v)?,
            None => self.op(Op::POP_TOP),
        }
        if pos + 1 == items.len() {
            self.compile_stmts(body)?;
        } else {
            self.compile_async_with(s, items, body, pos + 1)?;
        }
        self.pop_fblock();
        self.unset_loc();
        self.op(Op::POP_BLOCK);
        self.u.loc = s.loc;
        self.call_exit_with_nones();
        self.op_i(Op::GET_AWAITABLE, 2);
        self.load_const(Const::None);
        self.yield_from();
        self.op(Op::POP_TOP);
        self.jump(Op::JUMP, exit);
        // Exceptional outcome.
        self.bind(final_);
        self.jump(Op::SETUP_CLEANUP, cleanup);
        self.op(Op::PUSH_EXC_INFO);
        self.op(Op::WITH_EXCEPT_START);
        self.op_i(Op::GET_AWAITABLE, 2);
        self.load_const(Const::None);
        self.yield_from();
        self.with_except_finish(cleanup);
        self.bind(exit);
        self.depth -= 1;
        Ok(())
    }

    /// `[receiver, value]` -> `[result]`: the `yield from`/`await` loop.
    fn yield_from(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.jump(Op::SEND, exit);
        self.op(Op::YIELD_VALUE);
        self.jump(Op::JUMP, start);
        self.bind(exit);
    }
}

// ---------------------------------------------------------------------------
// Functions and classes

impl<'a> Compiler<'a> {
    fn compile_decorators(&mut self, decos: &'a [Expr]) -> R {
        for d in decos {
            self.compile_expr(d)?;
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decos: &'a [Expr]) {
        for d in decos.iter().rev() {
            self.u.loc.line = d.loc.line;
            self.op_i(Op::CALL, 1);
        }
    }

    /// Push the defaults tuple and keyword-only defaults dict; the
    /// `MAKE_FUNCTION` flags they need.
    #[inline(never)]
    fn default_arguments(&mut self, args: &'a Arguments) -> Res<u16> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            let folded: Option<Vec<Const>> =
                args.defaults.iter().map(|e| fold_const(e, 1)).collect();
            match folded {
                Some(v) => self.load_const(Const::Tuple(v)),
                None => {
                    for d in &args.defaults {
                        self.compile_expr(d)?;
                    }
                    self.op_i(Op::BUILD_TUPLE, args.defaults.len());
                }
            }
            flags |= mkfn::DEFAULTS;
        }
        let mut keys = Vec::new();
        for (a, d) in args.kwonlyargs.iter().zip(args.kw_defaults.iter()) {
            if let Some(d) = d {
                keys.push(Const::Str(self.mangled(&a.name)));
                self.compile_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len();
            self.load_const(Const::Tuple(keys));
            self.op_i(Op::BUILD_CONST_KEY_MAP, n);
            flags |= mkfn::KWDEFAULTS;
        }
        Ok(flags)
    }

    fn arg_annotation(&mut self, name: &str, ann: Option<&'a Expr>, count: &mut usize) -> R {
        if let Some(a) = ann {
            self.load_const(Const::Str(self.mangled(name)));
            if self.future.annotations {
                self.load_const(Const::Str(unparse(a)));
            } else if let ExprKind::Starred { value, .. } = &a.kind {
                // `*args: *Ts`
                self.compile_expr(value)?;
                self.op_i(Op::UNPACK_SEQUENCE, 1);
            } else {
                self.compile_expr(a)?;
            }
            *count += 2;
        }
        Ok(())
    }

    /// Push the annotations tuple (`name, value, ...`); true if pushed.
    #[inline(never)]
    fn visit_annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> Res<bool> {
        let mut n = 0;
        for a in args.args.iter().chain(args.posonlyargs.iter()) {
            self.arg_annotation(&a.name, a.annotation.as_deref(), &mut n)?;
        }
        if let Some(v) = &args.vararg {
            self.arg_annotation(&v.name, v.annotation.as_deref(), &mut n)?;
        }
        for a in &args.kwonlyargs {
            self.arg_annotation(&a.name, a.annotation.as_deref(), &mut n)?;
        }
        if let Some(v) = &args.kwarg {
            self.arg_annotation(&v.name, v.annotation.as_deref(), &mut n)?;
        }
        self.arg_annotation("return", returns, &mut n)?;
        if n > 0 {
            self.op_i(Op::BUILD_TUPLE, n);
            return Ok(true);
        }
        Ok(false)
    }

    fn set_arg_counts(&mut self, args: &Arguments) -> R {
        let total = args.posonlyargs.len() + args.args.len();
        if total > u16::MAX as usize || args.kwonlyargs.len() > u16::MAX as usize {
            return Err(self.error("too many arguments"));
        }
        self.u.argcount = total as u16;
        self.u.posonlyargcount = args.posonlyargs.len() as u16;
        self.u.kwonlyargcount = args.kwonlyargs.len() as u16;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn compile_function(
        &mut self,
        s: &'a Stmt,
        name: &'a str,
        args: &'a Arguments,
        body: &'a [Stmt],
        decos: &'a [Expr],
        returns: Option<&'a Expr>,
        is_async: bool,
    ) -> R {
        self.compile_decorators(decos)?;
        let firstlineno = decos.first().map_or(s.loc.line, |d| d.loc.line);
        let mut flags = self.default_arguments(args)?;
        if self.visit_annotations(args, returns)? {
            flags |= mkfn::ANNOTATIONS;
        }
        let kind = if is_async {
            UnitKind::AsyncFunction
        } else {
            UnitKind::Function
        };
        self.enter_scope(name, kind, self.st.block_of(s), firstlineno)?;
        self.set_arg_counts(args)?;
        let doc = ast::docstring(body);
        self.u.docstring = doc.map(|d| d.to_string());
        let rest = if doc.is_some() { &body[1..] } else { body };
        self.compile_stmts(rest)?;
        self.exit_scope_to_function(flags, s.loc, None)?;
        self.apply_decorators(decos);
        self.u.loc = s.loc;
        self.nameop(name, ExprContext::Store)
    }

    /// Leave the current scope and push a function made of its code
    /// (after `pre_op`, if any). Out of line: keeps the large `CodeUnit`
    /// temporaries off the frames of the recursive compile functions.
    #[inline(never)]
    fn exit_scope_to_function(&mut self, flags: u16, loc: Loc, pre_op: Option<Op>) -> R {
        let code = self.exit_scope()?;
        self.u.loc = loc;
        if let Some(op) = pre_op {
            self.op(op);
        }
        self.make_closure(code, flags)
    }

    /// Push a function made of `code` (defaults etc. already pushed).
    fn make_closure(&mut self, code: CodeUnit, mut flags: u16) -> R {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let reftype = if self.u.kind == UnitKind::Class && name == "__class__" {
                    Some(Scope::Cell)
                } else {
                    self.block_info()?.scope(name)
                };
                let idx = if reftype == Some(Scope::Cell) {
                    self.u.cellvars.iter().position(|c| c == name)
                } else {
                    self.u
                        .freevars
                        .iter()
                        .position(|c| c == name)
                        .map(|i| i + self.u.cellvars.len())
                };
                match idx {
                    Some(i) => self.op_i(Op::LOAD_CLOSURE, i),
                    None => return Err(internal("closure variable not found")),
                }
            }
            flags |= mkfn::CLOSURE;
            self.op_i(Op::BUILD_TUPLE, code.freevars.len());
        }
        self.load_const(Const::Code(Box::new(code)));
        self.op_i(Op::MAKE_FUNCTION, flags as usize);
        Ok(())
    }

    #[inline(never)]
    fn compile_class(
        &mut self,
        s: &'a Stmt,
        name: &'a str,
        bases: &'a [Expr],
        keywords: &'a [Keyword],
        body: &'a [Stmt],
        decos: &'a [Expr],
    ) -> R {
        self.compile_decorators(decos)?;
        let firstlineno = decos.first().map_or(s.loc.line, |d| d.loc.line);
        self.enter_scope(name, UnitKind::Class, self.st.block_of(s), firstlineno)?;
        self.u.private = Some(name.to_string());
        self.u.loc = s.loc;
        self.nameop("__name__", ExprContext::Load)?;
        self.nameop("__module__", ExprContext::Store)?;
        let q = self.u.qualname.clone();
        self.load_const(Const::Str(q));
        self.nameop("__qualname__", ExprContext::Store)?;
        self.compile_body(body)?;
        self.unset_loc();
        if self.block_info()?.needs_class_closure {
            self.op_i(Op::LOAD_CLOSURE, 0);
            self.op_i(Op::COPY, 1);
            self.nameop("__classcell__", ExprContext::Store)?;
        } else {
            self.load_const(Const::None);
        }
        self.op(Op::RETURN_VALUE);
        self.exit_scope_to_function(0, s.loc, Some(Op::LOAD_BUILD_CLASS))?;
        self.load_const(Const::Str(name.to_string()));
        self.call_helper(2, bases, keywords)?;
        self.apply_decorators(decos);
        self.u.loc = s.loc;
        self.nameop(name, ExprContext::Store)
    }

    #[inline(never)]
    fn compile_lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> R {
        let flags = self.default_arguments(args)?;
        self.enter_scope(
            "<lambda>",
            UnitKind::Lambda,
            self.st.block_of(e),
            e.loc.line,
        )?;
        self.set_arg_counts(args)?;
        self.u.loc = e.loc;
        self.compile_expr(body)?;
        self.op(Op::RETURN_VALUE);
        let saved = self.parents.last().map_or(e.loc, |p| p.loc);
        self.exit_scope_to_function(flags, saved, None)
    }

    // ---- names ----

    fn nameop(&mut self, name: &str, ctx: ExprContext) -> R {
        if name == "__debug__" {
            match ctx {
                ExprContext::Store => return Err(self.error("cannot assign to __debug__")),
                ExprContext::Del => return Err(self.error("cannot delete __debug__")),
                ExprContext::Load => {}
            }
        }
        let mangled = self.mangled(name);
        let b = self.block_info()?;
        let is_func = b.kind == BlockKind::Function;
        enum T {
            Fast,
            Global,
            Deref(usize),
            Name,
        }
        let t = match b.scope(&mangled) {
            Some(Scope::Free) => match self.u.freevars.iter().position(|x| *x == mangled) {
                Some(i) => T::Deref(self.u.cellvars.len() + i),
                None => return Err(internal("free variable not found")),
            },
            Some(Scope::Cell) => match self.u.cellvars.iter().position(|x| *x == mangled) {
                Some(i) => T::Deref(i),
                None => return Err(internal("cell variable not found")),
            },
            Some(Scope::Local) if is_func => T::Fast,
            Some(Scope::GlobalImplicit) if is_func => T::Global,
            Some(Scope::GlobalExplicit) => T::Global,
            _ => T::Name,
        };
        match t {
            T::Deref(i) => {
                let op = match ctx {
                    ExprContext::Load if b.kind == BlockKind::Class => Op::LOAD_CLASSDEREF,
                    ExprContext::Load => Op::LOAD_DEREF,
                    ExprContext::Store => Op::STORE_DEREF,
                    ExprContext::Del => Op::DELETE_DEREF,
                };
                self.op_i(op, i);
            }
            T::Fast => {
                let i = match self.u.varnames.iter().position(|x| *x == mangled) {
                    Some(i) => i,
                    None => {
                        self.u.varnames.push(mangled);
                        self.u.varnames.len() - 1
                    }
                };
                let op = match ctx {
                    ExprContext::Load => Op::LOAD_FAST,
                    ExprContext::Store => Op::STORE_FAST,
                    ExprContext::Del => Op::DELETE_FAST,
                };
                self.op_i(op, i);
            }
            T::Global => {
                let op = match ctx {
                    ExprContext::Load => Op::LOAD_GLOBAL,
                    ExprContext::Store => Op::STORE_GLOBAL,
                    ExprContext::Del => Op::DELETE_GLOBAL,
                };
                let i = self.add_name(&mangled);
                self.op_i(op, i);
            }
            T::Name => {
                let op = match ctx {
                    ExprContext::Load => Op::LOAD_NAME,
                    ExprContext::Store => Op::STORE_NAME,
                    ExprContext::Del => Op::DELETE_NAME,
                };
                let i = self.add_name(&mangled);
                self.op_i(op, i);
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Expressions

impl<'a> Compiler<'a> {
    fn compile_expr(&mut self, e: &'a Expr) -> R {
        self.enter(e.loc, "expression too deeply nested")?;
        let saved = self.u.loc;
        self.u.loc = e.loc;
        let r = self.compile_expr_inner(e);
        self.u.loc = saved;
        self.depth -= 1;
        r
    }

    fn compile_expr_inner(&mut self, e: &'a Expr) -> R {
        match &e.kind {
            ExprKind::Constant(c) => {
                self.load_const(ast_const(c));
            }
            ExprKind::Name { id, ctx } => {
                if id == "__debug__" && *ctx == ExprContext::Load {
                    self.load_const(Const::True);
                } else {
                    self.nameop(id, *ctx)?;
                }
            }
            ExprKind::BoolOp { op, values } => {
                let jumpi = if *op == BoolOp::And {
                    Op::JUMP_IF_FALSE_OR_POP
                } else {
                    Op::JUMP_IF_TRUE_OR_POP
                };
                let end = self.new_label();
                let n = values.len().saturating_sub(1);
                for v in &values[..n] {
                    self.compile_expr(v)?;
                    self.jump(jumpi, end);
                }
                if let Some(v) = values.last() {
                    self.compile_expr(v)?;
                } else {
                    self.load_const(Const::None);
                }
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.compile_expr(value)?;
                self.op_i(Op::COPY, 1);
                self.compile_expr(target)?;
            }
            ExprKind::BinOp { .. } => {
                // Iterate down the left spine (`a + b + c + ...`).
                let mut spine: Vec<(&'a Expr, Operator, Loc)> = Vec::new();
                let mut cur = e;
                while let ExprKind::BinOp { left, op, right } = &cur.kind {
                    spine.push((right, *op, cur.loc));
                    cur = left;
                }
                self.compile_expr(cur)?;
                for (right, op, loc) in spine.into_iter().rev() {
                    self.compile_expr(right)?;
                    self.u.loc = loc;
                    self.op_i(Op::BINARY_OP, nb_op(op) as usize);
                }
            }
            ExprKind::UnaryOp { op, operand } => {
                if let Some(c) = fold_const(e, 0) {
                    self.load_const(c);
                    return Ok(());
                }
                self.compile_expr(operand)?;
                self.op(match op {
                    UnaryOp::Invert => Op::UNARY_INVERT,
                    UnaryOp::Not => Op::UNARY_NOT,
                    UnaryOp::UAdd => Op::UNARY_POSITIVE,
                    UnaryOp::USub => Op::UNARY_NEGATIVE,
                });
            }
            ExprKind::Lambda { args, body } => self.compile_lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(test, next, false)?;
                self.compile_expr(body)?;
                self.jump(Op::JUMP, end);
                self.bind(next);
                self.compile_expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.compile_dict(keys, values)?,
            ExprKind::Set { elts } => {
                self.starunpack(elts, 0, Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE, false)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.compile_comprehension(e, CompKind::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.compile_comprehension(e, CompKind::Set, generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.compile_comprehension(e, CompKind::Dict, generators, key, Some(value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.compile_comprehension(e, CompKind::Generator, generators, elt, None)?
            }
            ExprKind::Await { value } => {
                if self.block_info()?.kind != BlockKind::Function {
                    return Err(self.error("'await' outside function"));
                }
                if !matches!(
                    self.u.kind,
                    UnitKind::AsyncFunction | UnitKind::Comprehension
                ) {
                    return Err(self.error("'await' outside async function"));
                }
                self.compile_expr(value)?;
                self.op_i(Op::GET_AWAITABLE, 0);
                self.load_const(Const::None);
                self.yield_from();
            }
            ExprKind::Yield { value } => {
                let b = self.block_info()?;
                if b.kind != BlockKind::Function {
                    return Err(self.error("'yield' outside function"));
                }
                match value {
                    Some(v) => self.compile_expr(v)?,
                    None => self.load_const(Const::None),
                }
                if b.generator && b.coroutine {
                    self.op(Op::ASYNC_GEN_WRAP);
                }
                self.op(Op::YIELD_VALUE);
            }
            ExprKind::YieldFrom { value } => {
                if self.block_info()?.kind != BlockKind::Function {
                    return Err(self.error("'yield' outside function"));
                }
                if self.u.kind == UnitKind::AsyncFunction {
                    return Err(self.error("'yield from' inside async function"));
                }
                self.compile_expr(value)?;
                self.op(Op::GET_YIELD_FROM_ITER);
                self.load_const(Const::None);
                self.yield_from();
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compile_compare(left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.compile_call(func, args, keywords)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.compile_expr(value)?;
                let mut oparg = match conversion {
                    None => 0,
                    Some('s') => 1,
                    Some('r') => 2,
                    Some('a') => 3,
                    Some(_) => return Err(self.error("invalid conversion character")),
                };
                if let Some(spec) = format_spec {
                    self.compile_expr(spec)?;
                    oparg |= 4;
                }
                self.op_i(Op::FORMAT_VALUE, oparg);
            }
            ExprKind::JoinedStr(values) => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(Const::Str(String::new()));
                    self.op_name_raw(Op::LOAD_METHOD, "join");
                    self.op_i(Op::BUILD_LIST, 0);
                    for v in values {
                        self.compile_expr(v)?;
                        self.op_i(Op::LIST_APPEND, 1);
                    }
                    self.op_i(Op::CALL_METHOD, 1);
                } else {
                    for v in values {
                        self.compile_expr(v)?;
                    }
                    if values.len() != 1 {
                        self.op_i(Op::BUILD_STRING, values.len());
                    }
                }
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.compile_expr(value)?;
                match ctx {
                    ExprContext::Load => self.op_name(Op::LOAD_ATTR, attr),
                    ExprContext::Store => {
                        if attr == "__debug__" {
                            return Err(self.error("cannot assign to __debug__"));
                        }
                        self.op_name(Op::STORE_ATTR, attr)
                    }
                    ExprContext::Del => self.op_name(Op::DELETE_ATTR, attr),
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.op(match ctx {
                    ExprContext::Load => Op::BINARY_SUBSCR,
                    ExprContext::Store => Op::STORE_SUBSCR,
                    ExprContext::Del => Op::DELETE_SUBSCR,
                });
            }
            ExprKind::Starred { ctx, .. } => {
                return Err(self.error(if *ctx == ExprContext::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                }));
            }
            ExprKind::Slice { lower, upper, step } => {
                match lower {
                    Some(x) => self.compile_expr(x)?,
                    None => self.load_const(Const::None),
                }
                match upper {
                    Some(x) => self.compile_expr(x)?,
                    None => self.load_const(Const::None),
                }
                let mut n = 2;
                if let Some(x) = step {
                    self.compile_expr(x)?;
                    n = 3;
                }
                self.op_i(Op::BUILD_SLICE, n);
            }
            ExprKind::List { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_helper(elts)?,
                ExprContext::Load => self.starunpack(
                    elts,
                    0,
                    Op::BUILD_LIST,
                    Op::LIST_APPEND,
                    Op::LIST_EXTEND,
                    false,
                )?,
                ExprContext::Del => {
                    for x in elts {
                        self.compile_expr(x)?;
                    }
                }
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_helper(elts)?,
                ExprContext::Load => {
                    if let Some(c) = fold_const(e, 0) {
                        self.load_const(c);
                    } else {
                        self.starunpack(
                            elts,
                            0,
                            Op::BUILD_LIST,
                            Op::LIST_APPEND,
                            Op::LIST_EXTEND,
                            true,
                        )?
                    }
                }
                ExprContext::Del => {
                    for x in elts {
                        self.compile_expr(x)?;
                    }
                }
            },
        }
        Ok(())
    }

    fn compare_op(&mut self, op: CmpOp) {
        let (o, a) = cmp_op(op);
        self.op_i(o, a as usize);
    }

    /// The right operand of a comparison: `x in [1, 2]` uses a constant tuple,
    /// `x in {1, 2}` a constant frozenset.
    #[inline(never)]
    fn compile_comparator(&mut self, op: CmpOp, e: &'a Expr) -> R {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            let (elts, set) = match &e.kind {
                ExprKind::List {
                    elts,
                    ctx: ExprContext::Load,
                } => (elts, false),
                ExprKind::Set { elts } => (elts, true),
                _ => return self.compile_expr(e),
            };
            if !elts.is_empty() {
                let folded: Option<Vec<Const>> = elts.iter().map(|x| fold_const(x, 1)).collect();
                if let Some(v) = folded {
                    self.load_const(if set {
                        Const::FrozenSet(v)
                    } else {
                        Const::Tuple(v)
                    });
                    return Ok(());
                }
            }
        }
        self.compile_expr(e)
    }

    #[inline(never)]
    fn compile_compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> R {
        if ops.is_empty() || ops.len() != comparators.len() {
            return Err(internal("malformed comparison"));
        }
        self.compile_expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.compile_comparator(ops[0], &comparators[0])?;
            self.compare_op(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.compile_expr(&comparators[i])?;
            self.op_i(Op::SWAP, 2);
            self.op_i(Op::COPY, 2);
            self.compare_op(ops[i]);
            self.jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.compile_comparator(ops[n], &comparators[n])?;
        self.compare_op(ops[n]);
        let end = self.new_label();
        self.jump(Op::JUMP, end);
        self.bind(cleanup);
        self.op_i(Op::SWAP, 2);
        self.op(Op::POP_TOP);
        self.bind(end);
        Ok(())
    }

    /// Build a list/tuple/set from `elts` (which may contain `*x`) on top
    /// of `pushed` items already on the stack.
    #[inline(never)]
    fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: usize,
        build: Op,
        add: Op,
        extend: Op,
        tuple: bool,
    ) -> R {
        let n = elts.len();
        if n > 2 {
            let folded: Option<Vec<Const>> = elts.iter().map(|x| fold_const(x, 1)).collect();
            if let Some(v) = folded {
                if tuple && pushed == 0 {
                    self.load_const(Const::Tuple(v));
                } else {
                    self.op_i(build, pushed);
                    self.load_const(if add == Op::SET_ADD {
                        Const::FrozenSet(v)
                    } else {
                        Const::Tuple(v)
                    });
                    self.op_i(extend, 1);
                    if tuple {
                        self.op(Op::LIST_TO_TUPLE);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed > STACK_USE_GUIDELINE;
        let seen_star = elts
            .iter()
            .any(|x| matches!(x.kind, ExprKind::Starred { .. }));
        if !seen_star && !big {
            for x in elts {
                self.compile_expr(x)?;
            }
            self.op_i(if tuple { Op::BUILD_TUPLE } else { build }, n + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.op_i(build, pushed);
            built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &x.kind {
                if !built {
                    self.op_i(build, i + pushed);
                    built = true;
                }
                self.compile_expr(value)?;
                self.op_i(extend, 1);
            } else {
                self.compile_expr(x)?;
                if built {
                    self.op_i(add, 1);
                }
            }
        }
        if !built {
            self.op_i(build, n + pushed);
        }
        if tuple {
            self.op(Op::LIST_TO_TUPLE);
        }
        Ok(())
    }

    /// Unpack TOS into the targets `elts` (at most one `*target`).
    #[inline(never)]
    fn assignment_helper(&mut self, elts: &'a [Expr]) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, x) in elts.iter().enumerate() {
            if matches!(x.kind, ExprKind::Starred { .. }) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment"));
                }
                if i >= 256 || n - i > 256 {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.op_i(Op::UNPACK_EX, i + ((n - i - 1) << 8));
                seen_star = true;
            }
        }
        if !seen_star {
            self.op_i(Op::UNPACK_SEQUENCE, n);
        }
        for x in elts {
            match &x.kind {
                ExprKind::Starred { value, .. } => self.compile_expr(value)?,
                _ => self.compile_expr(x)?,
            }
        }
        Ok(())
    }

    #[inline(never)]
    fn compile_subdict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> R {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let ks: Option<Vec<Const>> = keys[begin..end]
                .iter()
                .map(|k| {
                    k.as_ref().and_then(|k| match &k.kind {
                        ExprKind::Constant(c) => Some(ast_const(c)),
                        _ => None,
                    })
                })
                .collect();
            if let Some(ks) = ks {
                for v in &values[begin..end] {
                    self.compile_expr(v)?;
                }
                self.load_const(Const::Tuple(ks));
                self.op_i(Op::BUILD_CONST_KEY_MAP, n);
                return Ok(());
            }
        }
        if big {
            self.op_i(Op::BUILD_MAP, 0);
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.compile_expr(k)?;
            }
            self.compile_expr(&values[i])?;
            if big {
                self.op_i(Op::MAP_ADD, 1);
            }
        }
        if !big {
            self.op_i(Op::BUILD_MAP, n);
        }
        Ok(())
    }

    #[inline(never)]
    fn compile_dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> R {
        if keys.len() != values.len() {
            return Err(internal("malformed dict display"));
        }
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.compile_subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.op_i(Op::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.op_i(Op::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.compile_expr(&values[i])?;
                self.op_i(Op::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.compile_subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.op_i(Op::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.compile_subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.op_i(Op::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.op_i(Op::BUILD_MAP, 0);
        }
        Ok(())
    }

    fn validate_keywords(&self, keywords: &[Keyword]) -> R {
        for (i, k) in keywords.iter().enumerate() {
            if let Some(a) = &k.arg {
                if keywords[i + 1..]
                    .iter()
                    .any(|o| o.arg.as_deref() == Some(a.as_str()))
                {
                    let dup = keywords[i + 1..]
                        .iter()
                        .find(|o| o.arg.as_deref() == Some(a.as_str()));
                    let loc = dup.map_or(k.loc, |d| d.loc);
                    return Err(self.error_at(format!("keyword argument repeated: {}", a), loc));
                }
            }
        }
        Ok(())
    }

    /// Push the keyword values and the tuple of their names.
    fn simple_kw_helper(&mut self, keywords: &'a [Keyword]) -> R {
        let mut names = Vec::with_capacity(keywords.len());
        for k in keywords {
            self.compile_expr(&k.value)?;
            names.push(Const::Str(k.arg.clone().unwrap_or_default()));
        }
        self.load_const(Const::Tuple(names));
        Ok(())
    }

    #[inline(never)]
    fn compile_call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> R {
        // obj.meth(...) without * / **: LOAD_METHOD + CALL_METHOD.
        if let ExprKind::Attribute {
            value,
            attr,
            ctx: ExprContext::Load,
        } = &func.kind
        {
            let nargs = args.len();
            let nkw = keywords.len();
            if nargs + nkw + usize::from(nkw != 0) < STACK_USE_GUIDELINE
                && !args
                    .iter()
                    .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
                && !keywords.iter().any(|k| k.arg.is_none())
            {
                self.validate_keywords(keywords)?;
                self.compile_expr(value)?;
                let saved = self.u.loc;
                self.u.loc.line = func.loc.end_line.max(func.loc.line);
                self.op_name(Op::LOAD_METHOD, attr);
                self.u.loc = saved;
                for a in args {
                    self.compile_expr(a)?;
                }
                if nkw > 0 {
                    self.simple_kw_helper(keywords)?;
                    self.op_i(Op::CALL_METHOD_KW, nargs + nkw);
                } else {
                    self.op_i(Op::CALL_METHOD, nargs);
                }
                return Ok(());
            }
        }
        self.compile_expr(func)?;
        self.call_helper(0, args, keywords)
    }

    /// The arguments and the call, with `n` positional arguments already
    /// pushed above the callable.
    #[inline(never)]
    fn call_helper(&mut self, n: usize, args: &'a [Expr], keywords: &'a [Keyword]) -> R {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkw = keywords.len();
        let ex = nelts + nkw * 2 > STACK_USE_GUIDELINE
            || args
                .iter()
                .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex {
            for a in args {
                self.compile_expr(a)?;
            }
            if nkw > 0 {
                self.simple_kw_helper(keywords)?;
                self.op_i(Op::CALL_KW, n + nelts + nkw);
            } else {
                self.op_i(Op::CALL, n + nelts);
            }
            return Ok(());
        }
        // Positional arguments as one tuple; `f(*x)` passes `x` as it is (as
        // CPython: the VM converts it, with the call's own error message).
        match args {
            [Expr {
                kind: ExprKind::Starred { value, .. },
                ..
            }] if n == 0 => self.compile_expr(value)?,
            _ => self.starunpack(
                args,
                n,
                Op::BUILD_LIST,
                Op::LIST_APPEND,
                Op::LIST_EXTEND,
                true,
            )?,
        }
        // Keyword arguments as one dict.
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.compile_subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.op_i(Op::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.op_i(Op::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.compile_expr(&k.value)?;
                    self.op_i(Op::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.compile_subkwargs(keywords, nkw - nseen, nkw)?;
                if have_dict {
                    self.op_i(Op::DICT_MERGE, 1);
                }
            }
        }
        self.op_i(Op::CALL_FUNCTION_EX, usize::from(nkw > 0));
        Ok(())
    }

    #[inline(never)]
    fn compile_subkwargs(&mut self, keywords: &'a [Keyword], begin: usize, end: usize) -> R {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let mut names = Vec::with_capacity(n);
            for k in &keywords[begin..end] {
                self.compile_expr(&k.value)?;
                names.push(Const::Str(k.arg.clone().unwrap_or_default()));
            }
            self.load_const(Const::Tuple(names));
            self.op_i(Op::BUILD_CONST_KEY_MAP, n);
            return Ok(());
        }
        if big {
            self.op_i(Op::BUILD_MAP, 0);
        }
        for k in &keywords[begin..end] {
            self.load_const(Const::Str(k.arg.clone().unwrap_or_default()));
            self.compile_expr(&k.value)?;
            if big {
                self.op_i(Op::MAP_ADD, 1);
            }
        }
        if !big {
            self.op_i(Op::BUILD_MAP, n);
        }
        Ok(())
    }

    // ---- assignments ----

    #[inline(never)]
    fn compile_augassign(&mut self, target: &'a Expr, op: Operator, value: &'a Expr) -> R {
        let saved = self.u.loc;
        self.u.loc = target.loc;
        match &target.kind {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.compile_expr(obj)?;
                self.op_i(Op::COPY, 1);
                self.op_name(Op::LOAD_ATTR, attr);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.compile_expr(obj)?;
                self.compile_expr(slice)?;
                self.op_i(Op::COPY, 2);
                self.op_i(Op::COPY, 2);
                self.op(Op::BINARY_SUBSCR);
            }
            ExprKind::Name { id, .. } => {
                self.nameop(id, ExprContext::Load)?;
                // `local += value`: a load the VM does not count as the str
                // escaping (see `owned` in vm::eval).
                if op == Operator::Add {
                    if let Some(last) = self.u.instrs.last_mut() {
                        if last.op == Op::LOAD_FAST {
                            last.op = Op::LOAD_FAST_INPLACE;
                        }
                    }
                }
            }
            _ => {
                return Err(
                    self.error("'expression' is an illegal expression for augmented assignment")
                )
            }
        }
        self.u.loc = saved;
        self.compile_expr(value)?;
        self.op_i(Op::BINARY_OP, nb_op(op) as usize + 13);
        self.u.loc = target.loc;
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                self.op_i(Op::SWAP, 2);
                self.op_name(Op::STORE_ATTR, attr);
            }
            ExprKind::Subscript { .. } => {
                self.op_i(Op::SWAP, 3);
                self.op_i(Op::SWAP, 2);
                self.op(Op::STORE_SUBSCR);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store)?,
            _ => {}
        }
        Ok(())
    }

    /// Annotations of non-simple targets are evaluated (module/class only).
    fn check_ann_expr(&mut self, e: &'a Expr) -> R {
        self.compile_expr(e)?;
        self.op(Op::POP_TOP);
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> R {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(x)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => {
                for x in elts {
                    self.check_ann_subscr(x)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    #[inline(never)]
    fn compile_annassign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> R {
        if let Some(v) = value {
            self.compile_expr(v)?;
            self.compile_expr(target)?;
        }
        let module_or_class = matches!(self.u.kind, UnitKind::Module | UnitKind::Class);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                if id == "__debug__" {
                    return Err(self.error("cannot assign to __debug__"));
                }
                if simple && module_or_class {
                    if self.future.annotations {
                        self.load_const(Const::Str(unparse(annotation)));
                    } else {
                        self.compile_expr(annotation)?;
                    }
                    self.op_name_raw(Op::LOAD_NAME, "__annotations__");
                    let m = self.mangled(id);
                    self.load_const(Const::Str(m));
                    self.op(Op::STORE_SUBSCR);
                }
            }
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                if attr == "__debug__" {
                    return Err(self.error("cannot assign to __debug__"));
                }
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => return Err(self.error("illegal target for annotation")),
        }
        if !simple && !self.future.annotations && module_or_class {
            self.check_ann_expr(annotation)?;
        }
        Ok(())
    }

    // ---- comprehensions ----

    #[inline(never)]
    fn compile_comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> R {
        let outermost = generators
            .first()
            .ok_or_else(|| self.error("comprehension without 'for'"))?;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        };
        let outer_kind = self.u.kind;
        self.enter_scope(
            name,
            UnitKind::Comprehension,
            self.st.block_of(e),
            e.loc.line,
        )?;
        self.u.loc = e.loc;
        self.u.argcount = 1;
        let is_async_generator = self.block_info()?.coroutine;
        if is_async_generator
            && kind != CompKind::Generator
            && !matches!(
                outer_kind,
                UnitKind::AsyncFunction | UnitKind::Comprehension
            )
        {
            return Err(
                self.error("asynchronous comprehension outside of an asynchronous function")
            );
        }
        match kind {
            CompKind::List => self.op_i(Op::BUILD_LIST, 0),
            CompKind::Set => self.op_i(Op::BUILD_SET, 0),
            CompKind::Dict => self.op_i(Op::BUILD_MAP, 0),
            CompKind::Generator => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, val, kind)?;
        if kind != CompKind::Generator {
            self.op(Op::RETURN_VALUE);
        }
        let saved = self.parents.last().map_or(e.loc, |p| p.loc);
        self.exit_scope_to_function(0, saved, None)?;
        self.compile_expr(&outermost.iter)?;
        self.op(if outermost.is_async {
            Op::GET_AITER
        } else {
            Op::GET_ITER
        });
        self.op_i(Op::CALL, 1);
        if is_async_generator && kind != CompKind::Generator {
            self.op_i(Op::GET_AWAITABLE, 0);
            self.load_const(Const::None);
            self.yield_from();
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        idx: usize,
        depth: usize,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let gen = match gens.get(idx) {
            Some(g) => g,
            None => return Err(internal("comprehension index")),
        };
        self.enter(gen.target.loc, "too many statically nested blocks")?;
        let r = if gen.is_async {
            self.async_comprehension_generator(gens, idx, depth, elt, val, kind)
        } else {
            self.sync_comprehension_generator(gens, idx, depth, elt, val, kind)
        };
        self.depth -= 1;
        r
    }

    /// The innermost part: add the element to the result (or yield it).
    #[inline(never)]
    fn comprehension_element(
        &mut self,
        depth: usize,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        match kind {
            CompKind::Generator => {
                self.compile_expr(elt)?;
                let b = self.block_info()?;
                if b.generator && b.coroutine {
                    self.op(Op::ASYNC_GEN_WRAP);
                }
                self.op(Op::YIELD_VALUE);
                self.op(Op::POP_TOP);
            }
            CompKind::List => {
                self.compile_expr(elt)?;
                self.op_i(Op::LIST_APPEND, depth + 1);
            }
            CompKind::Set => {
                self.compile_expr(elt)?;
                self.op_i(Op::SET_ADD, depth + 1);
            }
            CompKind::Dict => {
                self.compile_expr(elt)?;
                if let Some(v) = val {
                    self.compile_expr(v)?;
                }
                self.op_i(Op::MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    #[inline(never)]
    fn sync_comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        idx: usize,
        mut depth: usize,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let gen = &gens[idx];
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let mut looping = true;
        if idx == 0 {
            self.op_i(Op::LOAD_FAST, 0);
        } else {
            // `for y in [f(x)]`: a plain assignment, no loop.
            let single = match &gen.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } if elts.len() == 1 => {
                    if matches!(elts[0].kind, ExprKind::Starred { .. }) {
                        None
                    } else {
                        Some(&elts[0])
                    }
                }
                _ => None,
            };
            match single {
                Some(x) => {
                    self.compile_expr(x)?;
                    looping = false;
                }
                None => {
                    self.compile_expr(&gen.iter)?;
                    self.op(Op::GET_ITER);
                }
            }
        }
        if looping {
            depth += 1;
            self.bind(start);
            self.jump(Op::FOR_ITER, anchor);
        }
        self.compile_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if idx + 1 < gens.len() {
            self.comprehension_generator(gens, idx + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(depth, elt, val, kind)?;
        }
        self.bind(if_cleanup);
        if looping {
            self.jump(Op::JUMP, start);
            self.bind(anchor);
        }
        Ok(())
    }

    #[inline(never)]
    fn async_comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        idx: usize,
        mut depth: usize,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let gen = &gens[idx];
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        if idx == 0 {
            self.op_i(Op::LOAD_FAST, 0);
        } else {
            self.compile_expr(&gen.iter)?;
            self.op(Op::GET_AITER);
        }
        self.bind(start);
        self.push_fblock(FbKind::AsyncComprehensionGenerator, start, start)?;
        self.jump(Op::SETUP_FINALLY, except);
        self.op(Op::GET_ANEXT);
        self.load_const(Const::None);
        self.yield_from();
        self.op(Op::POP_BLOCK);
        self.compile_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if idx + 1 < gens.len() {
            self.comprehension_generator(gens, idx + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(depth, elt, val, kind)?;
        }
        self.bind(if_cleanup);
        self.jump(Op::JUMP, start);
        self.pop_fblock();
        self.bind(except);
        self.op(Op::END_ASYNC_FOR);
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Unparsing (postponed annotations), after CPython's `ast_unparse.c`.

const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// Source text of an annotation (`from __future__ import annotations`).
fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    unparse_expr(e, PR_TEST, &mut out);
    out
}

fn unparse_seq(es: &[Expr], level: u8, out: &mut String) {
    for (i, x) in es.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        unparse_expr(x, level, out);
    }
}

fn unparse_comprehensions(gens: &[Comprehension], out: &mut String) {
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        unparse_expr(&g.target, PR_TUPLE, out);
        out.push_str(" in ");
        unparse_expr(&g.iter, PR_TEST + 1, out);
        for c in &g.ifs {
            out.push_str(" if ");
            unparse_expr(c, PR_TEST + 1, out);
        }
    }
}

fn unparse_args(a: &Arguments, out: &mut String) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let npos = a.posonlyargs.len() + a.args.len();
    let di = npos.saturating_sub(a.defaults.len());
    for (i, arg) in a.posonlyargs.iter().chain(a.args.iter()).enumerate() {
        sep(out);
        out.push_str(&arg.name);
        if i >= di {
            if let Some(d) = a.defaults.get(i - di) {
                out.push('=');
                unparse_expr(d, PR_TEST, out);
            }
        }
        if i + 1 == a.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if a.vararg.is_some() || !a.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &a.vararg {
            out.push_str(&v.name);
        }
    }
    for (i, arg) in a.kwonlyargs.iter().enumerate() {
        sep(out);
        out.push_str(&arg.name);
        if let Some(Some(d)) = a.kw_defaults.get(i) {
            out.push('=');
            unparse_expr(d, PR_TEST, out);
        }
    }
    if let Some(k) = &a.kwarg {
        sep(out);
        out.push_str("**");
        out.push_str(&k.name);
    }
}

fn unparse_fstring_body(values: &[Expr], out: &mut String) {
    for v in values {
        match &v.kind {
            ExprKind::Constant(Constant::Str(s)) => {
                for ch in s.chars() {
                    match ch {
                        '{' => out.push_str("{{"),
                        '}' => out.push_str("}}"),
                        c => out.push(c),
                    }
                }
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let mut inner = String::new();
                unparse_expr(value, PR_TEST + 1, &mut inner);
                out.push('{');
                if inner.starts_with('{') {
                    out.push(' ');
                }
                out.push_str(&inner);
                if let Some(c) = conversion {
                    out.push('!');
                    out.push(*c);
                }
                if let Some(spec) = format_spec {
                    out.push(':');
                    match &spec.kind {
                        ExprKind::JoinedStr(vs) => unparse_fstring_body(vs, out),
                        _ => unparse_fstring_body(core::slice::from_ref(&**spec), out),
                    }
                }
                out.push('}');
            }
            ExprKind::JoinedStr(vs) => unparse_fstring_body(vs, out),
            _ => {}
        }
    }
}

fn unparse_expr(e: &Expr, level: u8, out: &mut String) {
    let open = |cond: bool, out: &mut String| {
        if cond {
            out.push('(');
        }
    };
    let close = |cond: bool, out: &mut String| {
        if cond {
            out.push(')');
        }
    };
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (pr, s) = if *op == BoolOp::And {
                (PR_AND, " and ")
            } else {
                (PR_OR, " or ")
            };
            open(level > pr, out);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(s);
                }
                unparse_expr(v, pr + 1, out);
            }
            close(level > pr, out);
        }
        ExprKind::NamedExpr { target, value } => {
            open(level > PR_TUPLE, out);
            unparse_expr(target, PR_ATOM, out);
            out.push_str(" := ");
            unparse_expr(value, PR_ATOM, out);
            close(level > PR_TUPLE, out);
        }
        ExprKind::BinOp { left, op, right } => {
            let (s, pr, rassoc) = match op {
                Operator::Add => (" + ", PR_ARITH, false),
                Operator::Sub => (" - ", PR_ARITH, false),
                Operator::Mult => (" * ", PR_TERM, false),
                Operator::MatMult => (" @ ", PR_TERM, false),
                Operator::Div => (" / ", PR_TERM, false),
                Operator::Mod => (" % ", PR_TERM, false),
                Operator::LShift => (" << ", PR_SHIFT, false),
                Operator::RShift => (" >> ", PR_SHIFT, false),
                Operator::BitOr => (" | ", PR_BOR, false),
                Operator::BitXor => (" ^ ", PR_BXOR, false),
                Operator::BitAnd => (" & ", PR_BAND, false),
                Operator::FloorDiv => (" // ", PR_TERM, false),
                Operator::Pow => (" ** ", PR_POWER, true),
            };
            open(level > pr, out);
            unparse_expr(left, pr + u8::from(rassoc), out);
            out.push_str(s);
            unparse_expr(right, pr + u8::from(!rassoc), out);
            close(level > pr, out);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (s, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            open(level > pr, out);
            out.push_str(s);
            unparse_expr(operand, pr, out);
            close(level > pr, out);
        }
        ExprKind::Lambda { args, body } => {
            open(level > PR_TEST, out);
            let n = args.posonlyargs.len() + args.args.len() + args.kwonlyargs.len();
            let any = n > 0 || args.vararg.is_some() || args.kwarg.is_some();
            out.push_str(if any { "lambda " } else { "lambda" });
            unparse_args(args, out);
            out.push_str(": ");
            unparse_expr(body, PR_TEST, out);
            close(level > PR_TEST, out);
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(level > PR_TEST, out);
            unparse_expr(body, PR_TEST + 1, out);
            out.push_str(" if ");
            unparse_expr(test, PR_TEST + 1, out);
            out.push_str(" else ");
            unparse_expr(orelse, PR_TEST, out);
            close(level > PR_TEST, out);
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values.iter()).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        unparse_expr(k, PR_TEST, out);
                        out.push_str(": ");
                        unparse_expr(v, PR_TEST, out);
                    }
                    None => {
                        out.push_str("**");
                        unparse_expr(v, PR_EXPR, out);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set { elts } => {
            if elts.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                unparse_seq(elts, PR_TEST, out);
                out.push('}');
            }
        }
        ExprKind::ListComp { elt, generators } => {
            out.push('[');
            unparse_expr(elt, PR_TEST, out);
            unparse_comprehensions(generators, out);
            out.push(']');
        }
        ExprKind::SetComp { elt, generators } => {
            out.push('{');
            unparse_expr(elt, PR_TEST, out);
            unparse_comprehensions(generators, out);
            out.push('}');
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push('{');
            unparse_expr(key, PR_TEST, out);
            out.push_str(": ");
            unparse_expr(value, PR_TEST, out);
            unparse_comprehensions(generators, out);
            out.push('}');
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push('(');
            unparse_expr(elt, PR_TEST, out);
            unparse_comprehensions(generators, out);
            out.push(')');
        }
        ExprKind::Await { value } => {
            open(level > PR_AWAIT, out);
            out.push_str("await ");
            unparse_expr(value, PR_ATOM, out);
            close(level > PR_AWAIT, out);
        }
        ExprKind::Yield { value } => match value {
            Some(v) => {
                out.push_str("(yield ");
                unparse_expr(v, PR_TEST, out);
                out.push(')');
            }
            None => out.push_str("(yield)"),
        },
        ExprKind::YieldFrom { value } => {
            out.push_str("(yield from ");
            unparse_expr(value, PR_TEST, out);
            out.push(')');
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            open(level > PR_CMP, out);
            unparse_expr(left, PR_CMP + 1, out);
            for (op, c) in ops.iter().zip(comparators.iter()) {
                out.push_str(match op {
                    CmpOp::Eq => " == ",
                    CmpOp::NotEq => " != ",
                    CmpOp::Lt => " < ",
                    CmpOp::LtE => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::GtE => " >= ",
                    CmpOp::Is => " is ",
                    CmpOp::IsNot => " is not ",
                    CmpOp::In => " in ",
                    CmpOp::NotIn => " not in ",
                });
                unparse_expr(c, PR_CMP + 1, out);
            }
            close(level > PR_CMP, out);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            unparse_expr(func, PR_ATOM, out);
            if args.len() == 1 && keywords.is_empty() {
                if let ExprKind::GeneratorExp { .. } = args[0].kind {
                    unparse_expr(&args[0], PR_TEST, out);
                    return;
                }
            }
            out.push('(');
            unparse_seq(args, PR_TEST, out);
            for (i, k) in keywords.iter().enumerate() {
                if i > 0 || !args.is_empty() {
                    out.push_str(", ");
                }
                match &k.arg {
                    Some(a) => {
                        out.push_str(a);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                unparse_expr(&k.value, PR_TEST, out);
            }
            out.push(')');
        }
        ExprKind::FormattedValue { .. } => {
            let mut body = String::new();
            unparse_fstring_body(core::slice::from_ref(e), &mut body);
            out.push('f');
            repr_str(&body, out);
        }
        ExprKind::JoinedStr(values) => {
            let mut body = String::new();
            unparse_fstring_body(values, &mut body);
            out.push('f');
            repr_str(&body, out);
        }
        ExprKind::Constant(c) => repr_constant(c, out),
        ExprKind::Attribute { value, attr, .. } => {
            unparse_expr(value, PR_ATOM, out);
            let int_value = matches!(
                value.kind,
                ExprKind::Constant(Constant::Int(_) | Constant::BigInt { .. })
            );
            out.push_str(if int_value { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            unparse_expr(value, PR_ATOM, out);
            out.push('[');
            unparse_expr(slice, PR_TUPLE, out);
            out.push(']');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            unparse_expr(value, PR_EXPR, out);
        }
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::List { elts, .. } => {
            out.push('[');
            unparse_seq(elts, PR_TEST, out);
            out.push(']');
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
                return;
            }
            open(level > PR_TUPLE, out);
            unparse_seq(elts, PR_TEST, out);
            if elts.len() == 1 {
                out.push(',');
            }
            close(level > PR_TUPLE, out);
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                unparse_expr(l, PR_TEST, out);
            }
            out.push(':');
            if let Some(u) = upper {
                unparse_expr(u, PR_TEST, out);
            }
            if let Some(s) = step {
                out.push(':');
                unparse_expr(s, PR_TEST, out);
            }
        }
    }
}

fn repr_constant(c: &Constant, out: &mut String) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::True => out.push_str("True"),
        Constant::False => out.push_str("False"),
        Constant::Ellipsis => out.push_str("..."),
        Constant::Int(i) => out.push_str(&format!("{}", i)),
        Constant::BigInt { digits, radix } => out.push_str(&bigint_to_decimal(digits, *radix)),
        Constant::Float(f) => out.push_str(&float_repr(*f, true)),
        Constant::Complex { imag } => {
            out.push_str(&float_repr(*imag, false));
            out.push('j');
        }
        Constant::Str(s) => repr_str(s, out),
        Constant::Bytes(b) => repr_bytes(b, out),
    }
}

/// Digits in `radix` -> decimal digits.
fn bigint_to_decimal(digits: &str, radix: u32) -> String {
    // Little-endian limbs of 10^9.
    let mut limbs: Vec<u64> = vec![0];
    for ch in digits.chars() {
        let d = match ch.to_digit(radix.clamp(2, 36)) {
            Some(d) => d as u64,
            None => continue,
        };
        let mut carry = d;
        for l in limbs.iter_mut() {
            let v = *l * radix as u64 + carry;
            *l = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        while carry > 0 {
            limbs.push(carry % 1_000_000_000);
            carry /= 1_000_000_000;
        }
    }
    let mut s = String::new();
    for (i, l) in limbs.iter().rev().enumerate() {
        if i == 0 {
            s.push_str(&format!("{}", l));
        } else {
            s.push_str(&format!("{:09}", l));
        }
    }
    s
}

/// Python's `repr(float)` (`'r'` format); `dot0` adds `.0` to integral
/// values (floats do, the parts of complex numbers do not). Infinity is
/// written `1e309` as `ast.unparse` does.
fn float_repr(f: f64, dot0: bool) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f < 0.0 {
            "-1e309".to_string()
        } else {
            "1e309".to_string()
        };
    }
    let neg = f.is_sign_negative();
    let (d, k) = if f == 0.0 {
        (alloc::vec![b'0'], 1)
    } else {
        crate::dtoa::shortest(f.abs())
    };
    let digits: String = d.iter().map(|&b| char::from(b)).collect();
    let decpt = k as i32;
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    if decpt <= -4 || decpt > 16 {
        let mut it = digits.chars();
        if let Some(d0) = it.next() {
            s.push(d0);
        }
        let rest: String = it.collect();
        if !rest.is_empty() {
            s.push('.');
            s.push_str(&rest);
        }
        let x = decpt - 1;
        s.push('e');
        s.push(if x < 0 { '-' } else { '+' });
        s.push_str(&format!("{:02}", x.unsigned_abs()));
    } else if decpt <= 0 {
        s.push_str("0.");
        for _ in 0..(-decpt) {
            s.push('0');
        }
        s.push_str(&digits);
    } else {
        let d = decpt as usize;
        if d >= digits.len() {
            s.push_str(&digits);
            for _ in digits.len()..d {
                s.push('0');
            }
            if dot0 {
                s.push_str(".0");
            }
        } else {
            s.push_str(&digits[..d]);
            s.push('.');
            s.push_str(&digits[d..]);
        }
    }
    s
}

fn repr_str(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..=0xa0).contains(&(c as u32)) || c as u32 == 0xad => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if matches!(c as u32, 0x2028 | 0x2029 | 0xfeff)
                || (0xd800..=0xdfff).contains(&(c as u32)) =>
            {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

fn repr_bytes(b: &[u8], out: &mut String) {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            c if !(0x20..0x7f).contains(&c) => out.push_str(&format!("\\x{:02x}", c)),
            c => out.push(c as char),
        }
    }
    out.push(quote as char);
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use crate::bytecode::decode;
    use crate::verify::verify;
    use alloc::string::ToString;
    use alloc::vec::Vec;

    fn compile_str(src: &str) -> Result<CodeUnit, SyntaxError> {
        let m = super::super::parser::parse(src, "<test>", super::super::parser::Mode::Exec)?;
        compile(&m, "<test>")
    }

    fn compile_mode(src: &str, mode: super::super::parser::Mode) -> CodeUnit {
        let m = super::super::parser::parse(src, "<test>", mode).expect("parse");
        let c = compile(&m, "<test>").expect("compile");
        verify(&c).expect("verify");
        c
    }

    /// Compile, verify, and list `OPNAME arg` of the code (or of its
    /// first nested code object when `inner`).
    fn listing(src: &str, inner: bool) -> Vec<String> {
        let c = compile_str(src).unwrap_or_else(|e| panic!("{}: {:?}", src, e));
        verify(&c).unwrap_or_else(|e| panic!("{}: verify: {}", src, e));
        let c = if inner {
            c.consts
                .iter()
                .find_map(|k| match k {
                    Const::Code(b) => Some((**b).clone()),
                    _ => None,
                })
                .expect("nested code")
        } else {
            c
        };
        let mut v = Vec::new();
        let mut pc = 0;
        while let Some((op, arg, next)) = decode(&c.code, pc) {
            if op.has_arg() {
                v.push(format!("{} {}", op.name(), arg));
            } else {
                v.push(op.name().to_string());
            }
            pc = next;
        }
        v
    }

    fn err(src: &str) -> String {
        match compile_str(src) {
            Ok(_) => "OK".to_string(),
            Err(e) => format!("{}:{}: {}", e.line, e.col, e.msg),
        }
    }

    #[test]
    fn simple_shapes() {
        assert_eq!(
            listing("x = -1", false),
            [
                "LOAD_CONST 0",
                "STORE_NAME 0",
                "LOAD_CONST 1",
                "RETURN_VALUE"
            ]
        );
        assert_eq!(
            listing("f(a, k=1)", false),
            [
                "LOAD_NAME 0",
                "LOAD_NAME 1",
                "LOAD_CONST 0",
                "LOAD_CONST 1",
                "CALL_KW 2",
                "POP_TOP",
                "LOAD_CONST 2",
                "RETURN_VALUE"
            ]
        );
        assert_eq!(
            listing("o.m(1)", false),
            [
                "LOAD_NAME 0",
                "LOAD_METHOD 1",
                "LOAD_CONST 0",
                "CALL_METHOD 1",
                "POP_TOP",
                "LOAD_CONST 1",
                "RETURN_VALUE"
            ]
        );
        assert_eq!(listing("a, *b = c", false)[1], "UNPACK_EX 1");
        let l = listing("def f(x):\n    return x is None\n", true);
        assert_eq!(
            l,
            ["LOAD_FAST 0", "LOAD_CONST 0", "IS_OP 0", "RETURN_VALUE"]
        );
        let l = listing(
            "def f(x):\n    if x is None: return 1\n    return 2\n",
            true,
        );
        assert_eq!(l[1], "POP_JUMP_IF_NOT_NONE 10");
        let l = listing("def f():\n    while True:\n        g()\n", true);
        assert_eq!(l, ["LOAD_GLOBAL 0", "CALL 0", "POP_TOP", "JUMP 0"]);
        let c = compile_str("t = (1, (2, 'x'), -3.5)").unwrap();
        assert_eq!(
            c.consts[0],
            Const::Tuple(vec![
                Const::Int(1),
                Const::Tuple(vec![Const::Int(2), Const::Str("x".to_string())]),
                Const::Float(-3.5)
            ])
        );
    }

    #[test]
    fn scopes_and_flags() {
        let c = compile_str("def f(a):\n    def g(): return a\n    return g\n").unwrap();
        let f = match &c.consts[0] {
            Const::Code(f) => f,
            _ => panic!(),
        };
        assert_eq!(f.cellvars, ["a"]);
        assert_eq!(f.cell2arg, [Some(0)]);
        assert_eq!(f.flags & co::NOFREE, 0);
        let g = f
            .consts
            .iter()
            .find_map(|k| {
                if let Const::Code(g) = k {
                    Some(g)
                } else {
                    None
                }
            })
            .unwrap();
        assert_eq!(g.freevars, ["a"]);
        assert_eq!(g.qualname, "f.<locals>.g");
        assert_ne!(g.flags & co::NESTED, 0);
        // generators / coroutines
        for (src, flag) in [
            ("def f():\n    yield 1\n", co::GENERATOR),
            ("async def f():\n    await x\n", co::COROUTINE),
            ("async def f():\n    yield 1\n", co::ASYNC_GENERATOR),
        ] {
            let c = compile_str(src).unwrap();
            let f = match &c.consts[0] {
                Const::Code(f) => f,
                _ => panic!(),
            };
            assert_ne!(f.flags & flag, 0, "{}", src);
        }
        // super() creates the __class__ cell
        let c = compile_str("class C:\n    def m(self): return super().m()\n").unwrap();
        verify(&c).unwrap();
        let cls = match &c.consts[0] {
            Const::Code(f) => f,
            _ => panic!(),
        };
        assert_eq!(cls.cellvars, ["__class__"]);
        // docstrings
        let c = compile_str("def f():\n    'doc'\n    return 1\n").unwrap();
        let f = match &c.consts[0] {
            Const::Code(f) => f,
            _ => panic!(),
        };
        assert_eq!(f.docstring.as_deref(), Some("doc"));
        assert!(!f.consts.contains(&Const::Str("doc".to_string())));
        // module-level store of a name declared global elsewhere
        let l = listing("def f():\n    global x\nx = 1\n", false);
        assert!(l.iter().any(|s| s.starts_with("STORE_GLOBAL")));
    }

    #[test]
    fn modes() {
        use super::super::parser::Mode;
        let c = compile_mode("1 + 2", Mode::Eval);
        assert_eq!(c.code.last().copied(), Some(Op::RETURN_VALUE as u8));
        let c = compile_mode("x\n", Mode::Single);
        assert!(c.code.contains(&(Op::PRINT_EXPR as u8)));
        let c = compile_mode("def f(): x\n", Mode::Single);
        let f = match &c.consts[0] {
            Const::Code(f) => f,
            _ => panic!(),
        };
        assert!(!f.code.contains(&(Op::PRINT_EXPR as u8)));
    }

    #[test]
    fn future_annotations() {
        let src = "from __future__ import annotations\ndef f(a: List[int], *b: 'x', c: a.b | None = 1) -> -1.5e300:\n    pass\nx: dict[str, (1, 2)] = {}\n";
        let c = compile_str(src).unwrap();
        verify(&c).unwrap();
        let strs: Vec<&str> = c
            .consts
            .iter()
            .filter_map(|k| {
                if let Const::Str(s) = k {
                    Some(s.as_str())
                } else {
                    None
                }
            })
            .collect();
        for want in [
            "List[int]",
            "'x'",
            "a.b | None",
            "-1.5e+300",
            "dict[str, (1, 2)]",
        ] {
            assert!(strs.contains(&want), "{} not in {:?}", want, strs);
        }
        let mut s = String::new();
        for (f, want) in [
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (1e-5, "1e-05"),
            (0.5, "0.5"),
        ] {
            s.clear();
            s.push_str(&float_repr(f, true));
            assert_eq!(s, want);
        }
        assert_eq!(
            bigint_to_decimal("ffffffffffffffffff", 16),
            "4722366482869645213695"
        );
    }

    #[test]
    fn many_constructs_verify() {
        let srcs = [
            "try:\n    a\nexcept E as e:\n    b\nexcept:\n    c\nelse:\n    d\nfinally:\n    e\n",
            "def f():\n    for x in y:\n        try:\n            if x: continue\n            return x\n        finally:\n            print(x)\n",
            "def f():\n    while 1:\n        try:\n            break\n        finally:\n            return 5\n",
            "def f():\n    with a as b, c as (d, e):\n        return b\n",
            "async def f():\n    async with a as b:\n        async for x in b:\n            return await x\n    return [y async for y in a if await y]\n",
            "def f():\n    try:\n        pass\n    except* ValueError as e:\n        g(e)\n    except* TypeError:\n        pass\n    finally:\n        h()\n",
            "def f():\n    try:\n        return 1\n    except E as e:\n        return e\n    finally:\n        del x\n",
            "class C(B, metaclass=M, **kw):\n    x: int = 1\n    def m(self, *a, b, c=2, **d) -> int:\n        return __class__\n",
            "def g():\n    x = yield\n    y = yield from x\n    return (lambda: (yield))\n",
            "a = {**b, 'c': 1, **d}\ns = {*a, 1}\nl = [*a, *b]\nt = (*a, 1)\nf(*a, *b, c=1, **d, e=2)\n",
            "x = a if b else c\ny = a and b or not c\nz = 1 < a < 3 == b\nif a < b < c or d: pass\n",
            "x[1:2] = y\ndel x[::2], y.z, w\nx.y += 1\nx[i] //= 2\nn @= m\n",
            "print(f'{a!r:>{w}} {b=} {c!s}')\nassert x, 'msg'\nraise E from F\n",
            "import a.b.c\nimport a.b as c\nfrom . import x\nfrom ..m import (y as z)\n",
            "g = (x for x in range(3) for y in [x] if y)\nd = {k: v for k, v in items}\n",
            "def f():\n    [(y := 1) for x in z]\n    return y\n",
            "def outer():\n    x = 1\n    class C:\n        x = 2\n        def m(self): return x\n    return C\n",
            "while a:\n    if b: break\n    elif c: continue\nelse:\n    d()\n",
            "for i in [1, 2, 3]:\n    pass\nelse:\n    pass\nif x in (1, 2) or y not in {3, 4}: pass\n",
            "global_var = 1\ndef f():\n    global global_var\n    global_var += 1\n    del global_var\n",
            "try:\n    pass\nfinally:\n    for x in y:\n        continue\n",
            "def f():\n    with a:\n        for x in y:\n            with b:\n                try:\n                    return x\n                except E:\n                    break\n",
            "async def f():\n    async with a:\n        return 1\n",
            "lambda *a, k=1, **kw: (a, k, kw)\nlambda: (yield)\n",
            "x = [i for i in range(3)]\nclass K:\n    y = [x for _ in range(3)]\n",
            "def f(a, /, b, *, c): return a, b, c\n",
            "__debug__\nif __debug__: pass\nx = not __debug__\n",
            "x = 10**100\ny = -0x8000000000000000\nz = 1j + 2.5\nb = b'\\x00'\n",
            "def f():\n    try:\n        yield 1\n    finally:\n        yield 2\n",
            "with a:\n    pass\n",
        ];
        for src in srcs {
            let c = compile_str(src).unwrap_or_else(|e| panic!("{}: {:?}", src, e));
            verify(&c).unwrap_or_else(|e| panic!("{}: verify {}", src, e));
        }
    }

    #[test]
    fn errors() {
        let cases = [
            (
                "def f(x):\n    global x",
                "2:5: name 'x' is parameter and global",
            ),
            (
                "nonlocal x",
                "1:1: nonlocal declaration not allowed at module level",
            ),
            (
                "def f():\n    nonlocal x",
                "2:5: no binding for nonlocal 'x' found",
            ),
            (
                "def f():\n    print(x)\n    global x",
                "3:5: name 'x' is used prior to global declaration",
            ),
            (
                "def f():\n    x=1\n    global x",
                "3:5: name 'x' is assigned to before global declaration",
            ),
            (
                "def f():\n    x: int\n    global x",
                "3:5: annotated name 'x' can't be global",
            ),
            (
                "[(yield) for x in y]",
                "1:3: 'yield' inside list comprehension",
            ),
            (
                "((yield) for x in y)",
                "1:3: 'yield' inside generator expression",
            ),
            (
                "def f():\n    [x := 1 for x in y]",
                "2:6: assignment expression cannot rebind comprehension iteration variable 'x'",
            ),
            (
                "class C:\n    [y := 1 for x in z]",
                "2:6: assignment expression within a comprehension cannot be used in a class body",
            ),
            (
                "def f():\n    [x for x in (y := [])]",
                "2:18: assignment expression cannot be used in a comprehension iterable expression",
            ),
            (
                "def f():\n    global x\n    nonlocal x",
                "2:5: name 'x' is nonlocal and global",
            ),
            ("return 1", "1:1: 'return' outside function"),
            ("yield 1", "1:1: 'yield' outside function"),
            ("class C:\n    yield 1", "2:5: 'yield' outside function"),
            ("await x", "1:1: 'await' outside function"),
            (
                "def f():\n    await x",
                "2:5: 'await' outside async function",
            ),
            (
                "async def f():\n    yield from x",
                "2:5: 'yield from' inside async function",
            ),
            (
                "async def f():\n    yield 1\n    return 2",
                "3:5: 'return' with value in async generator",
            ),
            ("break", "1:1: 'break' outside loop"),
            ("continue", "1:1: 'continue' not properly in loop"),
            (
                "for x in y:\n    def f():\n        break",
                "3:9: 'break' outside loop",
            ),
            (
                "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass",
                "3:1: default 'except:' must be last",
            ),
            ("__debug__ = 1", "1:1: cannot assign to __debug__"),
            ("del __debug__", "1:5: cannot delete __debug__"),
            (
                "def f():\n    from x import *",
                "2:19: import * only allowed at module level",
            ),
            ("f(a=1, a=2)", "1:8: keyword argument repeated: a"),
            (
                "*a = b",
                "1:1: starred assignment target must be in a list or tuple",
            ),
            (
                "def f():\n    async for x in y: pass",
                "2:5: 'async for' outside async function",
            ),
            (
                "def f():\n    async with x: pass",
                "2:5: 'async with' outside async function",
            ),
            (
                "def f():\n    return [x async for x in y]",
                "2:12: asynchronous comprehension outside of an asynchronous function",
            ),
            (
                "try:\n    pass\nexcept* E:\n    break",
                "4:5: 'break', 'continue' and 'return' cannot appear in an except* block",
            ),
            (
                "def f():\n    try:\n        pass\n    except* E:\n        return 1",
                "5:16: 'break', 'continue' and 'return' cannot appear in an except* block",
            ),
            (
                "import x\nfrom __future__ import annotations",
                "2:1: from __future__ imports must occur at the beginning of the file",
            ),
            ("from __future__ import braces", "1:1: not a chance"),
            (
                "from __future__ import spam",
                "1:1: future feature spam is not defined",
            ),
            (
                "class C:\n    nonlocal x",
                "2:5: no binding for nonlocal 'x' found",
            ),
            (
                "from __future__ import annotations\ndef f(x: (yield)): pass",
                "2:11: 'yield expression' can not be used within an annotation",
            ),
            ("def f(x: (yield)): pass", "1:11: 'yield' outside function"),
            (
                "def f():\n    async def g(): pass\n    return (x async for x in y)",
                "OK",
            ),
            (
                "def f():\n    def g():\n        nonlocal x\n    x = 1",
                "OK",
            ),
        ];
        for (src, want) in cases {
            assert_eq!(err(src), want, "{}", src);
        }
    }

    #[test]
    fn limits() {
        // A long `+` chain compiles (iterative left spine).
        let l = Loc {
            line: 1,
            col: 0,
            end_line: 1,
            end_col: 1,
        };
        let one = || Expr {
            kind: ExprKind::Constant(Constant::Int(1)),
            loc: l,
        };
        let mut e = one();
        for _ in 0..3000 {
            e = Expr {
                kind: ExprKind::BinOp {
                    left: Box::new(e),
                    op: Operator::Add,
                    right: Box::new(one()),
                },
                loc: l,
            };
        }
        let c = compile(&Mod::Expression(Box::new(e)), "<t>").unwrap();
        verify(&c).unwrap();
        // A long elif chain compiles too.
        let mut s = String::from("if a: pass\n");
        for _ in 0..500 {
            s.push_str("elif a: pass\n");
        }
        verify(&compile_str(&s).unwrap()).unwrap();
        // Deeply nested ASTs are refused, not overflowed.
        let mut e = Expr {
            kind: ExprKind::Name {
                id: "x".to_string(),
                ctx: ExprContext::Load,
            },
            loc: l,
        };
        for _ in 0..2000 {
            e = Expr {
                kind: ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(e),
                },
                loc: l,
            };
        }
        let m = Mod::Expression(Box::new(e));
        let r = compile(&m, "<t>");
        assert!(r.is_err());
        // Code too large for 16-bit jump targets is refused.
        let mut s = String::from("if x:\n");
        for _ in 0..12_000 {
            s.push_str("    a = b\n");
        }
        s.push_str("y = 1\n");
        assert!(err(&s).contains("too large"));
        // too many statically nested blocks
        let mut s = String::new();
        for i in 0..21 {
            for _ in 0..i {
                s.push(' ');
            }
            s.push_str("for x in y:\n");
        }
        for _ in 0..21 {
            s.push(' ');
        }
        s.push_str("pass\n");
        assert!(err(&s).contains("too many statically nested blocks"));
    }
}
