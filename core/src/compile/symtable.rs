//! Scope analysis (CPython 3.11's `symtable.c`, Rust-ified).
//!
//! Two passes over the AST:
//! 1. collect, for every block (module, class body, function, lambda,
//!    comprehension, generator expression), the names it binds, uses and
//!    declares `global`/`nonlocal`, plus its generator/coroutine-ness;
//! 2. resolve every name of every block to a [`Scope`]: local, global
//!    (explicit or implicit), free or cell, exactly like CPython (class
//!    bodies are invisible to the functions inside them, `super` and
//!    `__class__` in a method create the implicit `__class__` cell, a walrus
//!    in a comprehension binds in the enclosing function, ...).
//!
//! Blocks are found again by the code generator from the address of the AST
//! node that opened them ([`SymbolTable::block_of`]), so both passes must walk
//! the very same (borrowed, unmoved) tree.
//!
//! Recursion is bounded ([`MAX_NESTING`]); errors are CPython's messages.

use alloc::boxed::Box;
use alloc::collections::{BTreeMap, BTreeSet};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::ast::{
    Alias, Arguments, Comprehension, ExceptHandler, Expr, ExprContext, ExprKind, Loc, Mod, Pattern,
    PatternKind, Stmt, StmtKind,
};
use super::lexer::SyntaxError;

/// Maximum static nesting of statements plus expressions the compiler
/// accepts (it recurses once per level; this also runs on small stacks).
pub const MAX_NESTING: u32 = 200;

// Symbol flags, CPython's values.
pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE: u32 = 32;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// Where a name lives, as resolved by the analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Module,
    Class,
    /// Functions, lambdas, comprehensions and generator expressions.
    Function,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub flags: u32,
    pub scope: Option<Scope>,
}

/// One block of the table (CPython's `PySTEntryObject`).
#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub name: String,
    pub lineno: u32,
    symbols: Vec<Symbol>,
    index: BTreeMap<String, usize>,
    /// Parameters, in order (positional, keyword-only, `*args`, `**kw`).
    pub varnames: Vec<String>,
    pub children: Vec<usize>,
    /// Nested inside a function (CPython's `CO_NESTED`).
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Option<CompKind>,
    pub varargs: bool,
    pub varkeywords: bool,
    /// A class body whose methods use `super`/`__class__`.
    pub needs_class_closure: bool,
    pub free: bool,
    pub child_free: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    directives: Vec<(String, Loc)>,
}

impl Block {
    fn new(kind: BlockKind, name: &str, lineno: u32) -> Block {
        Block {
            kind,
            name: name.to_string(),
            lineno,
            symbols: Vec::new(),
            index: BTreeMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            nested: false,
            generator: false,
            coroutine: false,
            comprehension: None,
            varargs: false,
            varkeywords: false,
            needs_class_closure: false,
            free: false,
            child_free: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: Vec::new(),
        }
    }

    /// Flags of a (mangled) name, 0 when the block does not know it.
    pub fn flags(&self, name: &str) -> u32 {
        match self.index.get(name) {
            Some(&i) => self.symbols.get(i).map_or(0, |s| s.flags),
            None => 0,
        }
    }

    /// Resolved scope of a (mangled) name.
    pub fn scope(&self, name: &str) -> Option<Scope> {
        match self.index.get(name) {
            Some(&i) => self.symbols.get(i).and_then(|s| s.scope),
            None => None,
        }
    }

    /// All symbols, in the order they were first seen.
    pub fn symbols(&self) -> &[Symbol] {
        &self.symbols
    }

    fn set_flags(&mut self, name: &str, flags: u32) {
        match self.index.get(name) {
            Some(&i) => {
                if let Some(s) = self.symbols.get_mut(i) {
                    s.flags = flags;
                }
            }
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push(Symbol {
                    name: name.to_string(),
                    flags,
                    scope: None,
                });
            }
        }
    }

    /// Names resolved to `scope`, or carrying any of `flag`, sorted.
    pub fn names_by_scope(&self, scope: Scope, flag: u32) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == Some(scope) || (s.flags & flag) != 0)
            .map(|s| s.name.clone())
            .collect();
        v.sort();
        v
    }
}

/// The result of the analysis: every block, the module first.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    pub blocks: Vec<Block>,
    by_node: BTreeMap<usize, usize>,
}

impl SymbolTable {
    /// The block opened by an AST node (`Mod`, a `FunctionDef`/`ClassDef`
    /// `Stmt`, or a `Lambda`/comprehension `Expr`).
    pub fn block_of<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }

    pub fn block(&self, id: usize) -> Option<&Block> {
        self.blocks.get(id)
    }
}

/// CPython's private name mangling: `__spam` in class `Ham` is `_Ham__spam`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let p = match private {
        Some(p) => p,
        None => return name.to_string(),
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = p.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    let mut s = String::with_capacity(1 + stripped.len() + name.len());
    s.push('_');
    s.push_str(stripped);
    s.push_str(name);
    s
}

fn err(msg: impl Into<String>, loc: Loc) -> SyntaxError {
    SyntaxError::new(msg, loc.line, loc.col)
}

type R = Result<(), SyntaxError>;

/// Working sets of one `analyze_block` call.
struct Analysis {
    kind: BlockKind,
    bound: Option<BTreeSet<String>>,
    free: BTreeSet<String>,
    scopes: Vec<Scope>,
    newbound: BTreeSet<String>,
    newglobal: BTreeSet<String>,
    newfree: BTreeSet<String>,
}

struct Builder {
    blocks: Vec<Block>,
    by_node: BTreeMap<usize, usize>,
    /// Enclosing blocks, current last.
    stack: Vec<usize>,
    private: Option<String>,
    depth: u32,
    max_nesting: u32,
    future_annotations: bool,
    /// > 0 while visiting an annotation under `from __future__ import annotations`.
    in_annotation: u32,
}

/// Build the symbol table of a module. `future_annotations` is
/// `from __future__ import annotations` (annotations are then never
/// evaluated, so they bind and use nothing).
pub fn build(module: &Mod, future_annotations: bool) -> Result<SymbolTable, SyntaxError> {
    build_with_limit(module, future_annotations, MAX_NESTING)
}

/// [`build`] with an explicit bound on static nesting.
pub fn build_with_limit(
    module: &Mod,
    future_annotations: bool,
    max_nesting: u32,
) -> Result<SymbolTable, SyntaxError> {
    let mut b = Builder {
        max_nesting,
        blocks: Vec::new(),
        by_node: BTreeMap::new(),
        stack: Vec::new(),
        private: None,
        depth: 0,
        future_annotations,
        in_annotation: 0,
    };
    b.enter_block("top", BlockKind::Module, module as *const Mod as usize, 0);
    match module {
        Mod::Module(body) | Mod::Interactive(body) => b.visit_stmts(body)?,
        Mod::Expression(e) => b.visit_expr(e)?,
    }
    b.exit_block();
    let mut global = BTreeSet::new();
    b.analyze_block(0, None, &mut global)?;
    Ok(SymbolTable {
        blocks: b.blocks,
        by_node: b.by_node,
    })
}

const GLOBAL_PARAM: &str = "is parameter and global";
const NONLOCAL_PARAM: &str = "is parameter and nonlocal";

impl Builder {
    fn cur(&self) -> usize {
        self.stack.last().copied().unwrap_or(0)
    }

    fn cur_block(&mut self) -> &mut Block {
        // The stack only holds ids of existing blocks.
        let c = self.cur();
        &mut self.blocks[c]
    }

    fn enter_block(&mut self, name: &str, kind: BlockKind, key: usize, lineno: u32) {
        let id = self.blocks.len();
        let mut blk = Block::new(kind, name, lineno);
        if let Some(&prev) = self.stack.last() {
            let p = &self.blocks[prev];
            blk.nested = p.nested || p.kind == BlockKind::Function;
            blk.comp_iter_expr = p.comp_iter_expr;
            self.blocks[prev].children.push(id);
        }
        self.blocks.push(blk);
        self.by_node.insert(key, id);
        self.stack.push(id);
    }

    fn exit_block(&mut self) {
        self.stack.pop();
    }

    fn enter(&mut self, loc: Loc, what: &str) -> R {
        self.depth += 1;
        if self.depth > self.max_nesting {
            return Err(err(what, loc));
        }
        Ok(())
    }

    fn lookup(&self, name: &str) -> u32 {
        let m = mangle(self.private.as_deref(), name);
        self.blocks.get(self.cur()).map_or(0, |b| b.flags(&m))
    }

    fn add_def(&mut self, name: &str, flag: u32, loc: Loc) -> R {
        let c = self.cur();
        self.add_def_in(name, flag, c, loc)
    }

    fn add_def_in(&mut self, name: &str, flag: u32, blk: usize, loc: Loc) -> R {
        let mangled = mangle(self.private.as_deref(), name);
        let b = match self.blocks.get_mut(blk) {
            Some(b) => b,
            None => return Ok(()),
        };
        let old = b.flags(&mangled);
        let exists = b.index.contains_key(&mangled);
        let mut val = flag;
        if exists {
            if (flag & DEF_PARAM) != 0 && (old & DEF_PARAM) != 0 {
                return Err(err(
                    format!("duplicate argument '{}' in function definition", name),
                    loc,
                ));
            }
            val |= old;
        }
        if b.comp_iter_target {
            if (val & (DEF_GLOBAL | DEF_NONLOCAL)) != 0 {
                return Err(err(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{}'",
                        name
                    ),
                    loc,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        b.set_flags(&mangled, val);
        if (flag & DEF_PARAM) != 0 {
            b.varnames.push(mangled);
        } else if (flag & DEF_GLOBAL) != 0 {
            // Mirror explicit globals into the module's symbols.
            if let Some(m) = self.blocks.get_mut(0) {
                let v = flag | m.flags(&mangled);
                m.set_flags(&mangled, v);
            }
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &str, loc: Loc) {
        let m = mangle(self.private.as_deref(), name);
        self.cur_block().directives.push((m, loc));
    }

    fn visit_stmts(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        self.enter(s.loc, "too many statically nested blocks")?;
        let r = self.visit_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> R {
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                is_async,
            } => {
                self.add_def(name, DEF_LOCAL, s.loc)?;
                self.visit_defaults(args)?;
                self.visit_arg_annotations(args)?;
                if let Some(r) = returns {
                    self.visit_annotation(r)?;
                }
                self.visit_exprs(decorator_list)?;
                let line = decorator_list.first().map_or(s.loc.line, |d| d.loc.line);
                self.enter_block(name, BlockKind::Function, s as *const Stmt as usize, line);
                if *is_async {
                    self.cur_block().coroutine = true;
                }
                self.visit_arguments(args)?;
                self.visit_stmts(body)?;
                self.exit_block();
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.add_def(name, DEF_LOCAL, s.loc)?;
                self.visit_exprs(bases)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.visit_exprs(decorator_list)?;
                let line = decorator_list.first().map_or(s.loc.line, |d| d.loc.line);
                self.enter_block(name, BlockKind::Class, s as *const Stmt as usize, line);
                let saved = self.private.replace(name.clone());
                let r = self.visit_stmts(body);
                self.private = saved;
                r?;
                self.exit_block();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let cur = self.lookup(id);
                    if (cur & (DEF_GLOBAL | DEF_NONLOCAL)) != 0 && self.cur() != 0 && *simple {
                        let msg = if (cur & DEF_GLOBAL) != 0 {
                            format!("annotated name '{}' can't be global", id)
                        } else {
                            format!("annotated name '{}' can't be nonlocal", id)
                        };
                        return Err(err(msg, target.loc));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                self.visit_annotation(annotation)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::If { .. } => {
                // `elif` chains are walked iteratively.
                let mut cur = s;
                loop {
                    if let StmtKind::If { test, body, orelse } = &cur.kind {
                        self.visit_expr(test)?;
                        self.visit_stmts(body)?;
                        if orelse.len() == 1 && matches!(orelse[0].kind, StmtKind::If { .. }) {
                            cur = &orelse[0];
                            continue;
                        }
                        self.visit_stmts(orelse)?;
                    }
                    break;
                }
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.visit_expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = cause {
                    self.visit_expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
                for h in handlers {
                    self.visit_handler(h)?;
                }
                self.visit_stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.visit_alias(a)?;
                }
            }
            StmtKind::Global { names } => {
                for n in names {
                    let cur = self.lookup(n);
                    if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) != 0 {
                        let msg = if (cur & DEF_PARAM) != 0 {
                            format!("name '{}' {}", n, GLOBAL_PARAM)
                        } else if (cur & USE) != 0 {
                            format!("name '{}' is used prior to global declaration", n)
                        } else if (cur & DEF_ANNOT) != 0 {
                            format!("annotated name '{}' can't be global", n)
                        } else {
                            format!("name '{}' is assigned to before global declaration", n)
                        };
                        return Err(err(msg, s.loc));
                    }
                    self.add_def(n, DEF_GLOBAL, s.loc)?;
                    self.record_directive(n, s.loc);
                }
            }
            StmtKind::Nonlocal { names } => {
                for n in names {
                    let cur = self.lookup(n);
                    if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) != 0 {
                        let msg = if (cur & DEF_PARAM) != 0 {
                            format!("name '{}' {}", n, NONLOCAL_PARAM)
                        } else if (cur & USE) != 0 {
                            format!("name '{}' is used prior to nonlocal declaration", n)
                        } else if (cur & DEF_ANNOT) != 0 {
                            format!("annotated name '{}' can't be nonlocal", n)
                        } else {
                            format!("name '{}' is assigned to before nonlocal declaration", n)
                        };
                        return Err(err(msg, s.loc));
                    }
                    self.add_def(n, DEF_NONLOCAL, s.loc)?;
                    self.record_directive(n, s.loc);
                }
            }
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for c in cases {
                    self.visit_pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_stmts(&c.body)?;
                }
            }
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &Pattern) -> R {
        self.enter(p.loc, "too many nested parentheses")?;
        let r = self.visit_pattern_inner(p);
        self.depth -= 1;
        r
    }

    fn visit_pattern_inner(&mut self, p: &Pattern) -> R {
        match &p.kind {
            PatternKind::MatchValue { value } => self.visit_expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for x in patterns {
                    self.visit_pattern(x)?;
                }
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.visit_exprs(keys)?;
                for x in patterns {
                    self.visit_pattern(x)?;
                }
                if let Some(n) = rest {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.visit_expr(cls)?;
                for x in patterns.iter().chain(kwd_patterns.iter()) {
                    self.visit_pattern(x)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(x) = pattern {
                    self.visit_pattern(x)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
        }
        Ok(())
    }

    fn visit_handler(&mut self, h: &ExceptHandler) -> R {
        if let Some(t) = &h.typ {
            self.visit_expr(t)?;
        }
        if let Some(n) = &h.name {
            self.add_def(n, DEF_LOCAL, h.loc)?;
        }
        self.visit_stmts(&h.body)
    }

    fn visit_alias(&mut self, a: &Alias) -> R {
        let name = a.asname.as_deref().unwrap_or(a.name.as_str());
        if name == "*" {
            if self.blocks.get(self.cur()).map(|b| b.kind) != Some(BlockKind::Module) {
                return Err(err("import * only allowed at module level", a.loc));
            }
            return Ok(());
        }
        let store = match name.find('.') {
            Some(i) => &name[..i],
            None => name,
        };
        self.add_def(store, DEF_IMPORT, a.loc)
    }

    fn visit_defaults(&mut self, args: &Arguments) -> R {
        self.visit_exprs(&args.defaults)?;
        for d in args.kw_defaults.iter().flatten() {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    fn visit_arg_annotations(&mut self, a: &Arguments) -> R {
        for arg in a.posonlyargs.iter().chain(a.args.iter()) {
            if let Some(an) = &arg.annotation {
                self.visit_annotation(an)?;
            }
        }
        if let Some(v) = &a.vararg {
            if let Some(an) = &v.annotation {
                self.visit_annotation(an)?;
            }
        }
        if let Some(v) = &a.kwarg {
            if let Some(an) = &v.annotation {
                self.visit_annotation(an)?;
            }
        }
        for arg in &a.kwonlyargs {
            if let Some(an) = &arg.annotation {
                self.visit_annotation(an)?;
            }
        }
        Ok(())
    }

    fn visit_annotation(&mut self, e: &Expr) -> R {
        if self.future_annotations {
            // Never evaluated: only check what may not appear in one.
            self.in_annotation += 1;
            let r = self.visit_expr(e);
            self.in_annotation -= 1;
            r
        } else {
            self.visit_expr(e)
        }
    }

    fn visit_arguments(&mut self, a: &Arguments) -> R {
        for arg in a
            .posonlyargs
            .iter()
            .chain(a.args.iter())
            .chain(a.kwonlyargs.iter())
        {
            self.add_def(&arg.name, DEF_PARAM, arg.loc)?;
        }
        if let Some(v) = &a.vararg {
            self.add_def(&v.name, DEF_PARAM, v.loc)?;
            self.cur_block().varargs = true;
        }
        if let Some(v) = &a.kwarg {
            self.add_def(&v.name, DEF_PARAM, v.loc)?;
            self.cur_block().varkeywords = true;
        }
        Ok(())
    }

    fn visit_exprs(&mut self, es: &[Expr]) -> R {
        for e in es {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn not_in_annotation(&self, what: &str, loc: Loc) -> R {
        if self.in_annotation > 0 {
            return Err(err(
                format!("'{}' can not be used within an annotation", what),
                loc,
            ));
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        self.enter(e.loc, "expression too deeply nested")?;
        let r = self.visit_expr_inner(e);
        self.depth -= 1;
        r
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::NamedExpr { target, value } => {
                self.not_in_annotation("named expression", e.loc)?;
                if self.blocks.get(self.cur()).map_or(0, |b| b.comp_iter_expr) > 0 {
                    return Err(err(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        e.loc,
                    ));
                }
                if self
                    .blocks
                    .get(self.cur())
                    .and_then(|b| b.comprehension)
                    .is_some()
                {
                    self.extend_namedexpr_scope(target)?;
                }
                self.visit_expr(value)?;
                self.visit_expr(target)?;
            }
            ExprKind::BinOp { .. } => {
                // Walk the left spine iteratively (`a + b + c + ...`).
                let mut rights = Vec::new();
                let mut cur = e;
                while let ExprKind::BinOp { left, right, .. } = &cur.kind {
                    rights.push(&**right);
                    cur = left;
                }
                self.visit_expr(cur)?;
                for r in rights.iter().rev() {
                    self.visit_expr(r)?;
                }
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } if self.in_annotation > 0 => {
                // Postponed annotation: never compiled, no block.
                self.visit_defaults(args)?;
                self.visit_expr(body)?;
            }
            ExprKind::Lambda { args, body } => {
                self.visit_defaults(args)?;
                self.enter_block(
                    "lambda",
                    BlockKind::Function,
                    e as *const Expr as usize,
                    e.loc.line,
                );
                self.visit_arguments(args)?;
                self.visit_expr(body)?;
                self.exit_block();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.visit_expr(k)?;
                }
                self.visit_exprs(values)?;
            }
            ExprKind::Set { elts } => self.visit_exprs(elts)?,
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators }
                if self.in_annotation > 0 =>
            {
                self.annotation_comprehension(generators)?;
                self.visit_expr(elt)?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } if self.in_annotation > 0 => {
                self.annotation_comprehension(generators)?;
                self.visit_expr(key)?;
                self.visit_expr(value)?;
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "listcomp", CompKind::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "setcomp", CompKind::Set, generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "dictcomp", CompKind::Dict, generators, key, Some(value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "genexpr", CompKind::Generator, generators, elt, None)?
            }
            ExprKind::Yield { value } => {
                self.not_in_annotation("yield expression", e.loc)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.yield_seen(e.loc)?;
            }
            ExprKind::YieldFrom { value } => {
                self.not_in_annotation("yield expression", e.loc)?;
                self.visit_expr(value)?;
                self.yield_seen(e.loc)?;
            }
            ExprKind::Await { value } => {
                self.not_in_annotation("await expression", e.loc)?;
                self.visit_expr(value)?;
                if self.in_annotation == 0 {
                    self.cur_block().coroutine = true;
                }
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                if let Some(f) = format_spec {
                    self.visit_expr(f)?;
                }
            }
            ExprKind::JoinedStr(values) => self.visit_exprs(values)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(x)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                if self.in_annotation > 0 {
                    return Ok(());
                }
                let flag = if *ctx == ExprContext::Load {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(id, flag, e.loc)?;
                if *ctx == ExprContext::Load
                    && id == "super"
                    && self.blocks.get(self.cur()).map(|b| b.kind) == Some(BlockKind::Function)
                {
                    self.add_def("__class__", USE, e.loc)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        Ok(())
    }

    fn annotation_comprehension(&mut self, generators: &[Comprehension]) -> R {
        for g in generators {
            self.visit_expr(&g.target)?;
            self.visit_expr(&g.iter)?;
            self.visit_exprs(&g.ifs)?;
        }
        Ok(())
    }

    fn yield_seen(&mut self, loc: Loc) -> R {
        let b = self.cur_block();
        b.generator = true;
        if let Some(k) = b.comprehension {
            let msg = match k {
                CompKind::List => "'yield' inside list comprehension",
                CompKind::Set => "'yield' inside set comprehension",
                CompKind::Dict => "'yield' inside dict comprehension",
                CompKind::Generator => "'yield' inside generator expression",
            };
            return Err(err(msg, loc));
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        kind: CompKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R {
        let outermost = match generators.first() {
            Some(g) => g,
            None => return Err(err("comprehension without 'for'", e.loc)),
        };
        let c = self.cur();
        if let Some(b) = self.blocks.get_mut(c) {
            b.comp_iter_expr += 1;
        }
        let r = self.visit_expr(&outermost.iter);
        if let Some(b) = self.blocks.get_mut(c) {
            b.comp_iter_expr -= 1;
        }
        r?;
        self.enter_block(
            name,
            BlockKind::Function,
            e as *const Expr as usize,
            e.loc.line,
        );
        let is_generator = kind == CompKind::Generator;
        {
            let b = self.cur_block();
            b.comprehension = Some(kind);
            if outermost.is_async {
                b.coroutine = true;
            }
        }
        self.add_def(".0", DEF_PARAM, e.loc)?;
        self.cur_block().comp_iter_target = true;
        let r = self.visit_expr(&outermost.target);
        self.cur_block().comp_iter_target = false;
        r?;
        self.visit_exprs(&outermost.ifs)?;
        for g in generators.iter().skip(1) {
            self.cur_block().comp_iter_target = true;
            let r = self.visit_expr(&g.target);
            self.cur_block().comp_iter_target = false;
            r?;
            let c = self.cur();
            self.blocks[c].comp_iter_expr += 1;
            let r = self.visit_expr(&g.iter);
            self.blocks[c].comp_iter_expr -= 1;
            r?;
            self.visit_exprs(&g.ifs)?;
            if g.is_async {
                self.cur_block().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_async = {
            let b = self.cur_block();
            b.generator = is_generator;
            b.coroutine && !is_generator
        };
        self.exit_block();
        if is_async {
            self.cur_block().coroutine = true;
        }
        Ok(())
    }

    fn extend_namedexpr_scope(&mut self, target: &Expr) -> R {
        let name = match &target.kind {
            ExprKind::Name { id, .. } => id.as_str(),
            _ => return Ok(()),
        };
        let loc = target.loc;
        let mangled = mangle(self.private.as_deref(), name);
        for i in (0..self.stack.len()).rev() {
            let bid = self.stack[i];
            let (kind, comp, flags) = match self.blocks.get(bid) {
                Some(b) => (b.kind, b.comprehension, b.flags(&mangled)),
                None => continue,
            };
            if comp.is_some() {
                if (flags & DEF_COMP_ITER) != 0 {
                    return Err(err(
                        format!("assignment expression cannot rebind comprehension iteration variable '{}'", name),
                        loc,
                    ));
                }
                continue;
            }
            match kind {
                BlockKind::Function => {
                    if (flags & DEF_GLOBAL) != 0 {
                        self.add_def(name, DEF_GLOBAL, loc)?;
                    } else {
                        self.add_def(name, DEF_NONLOCAL, loc)?;
                    }
                    self.record_directive(name, loc);
                    return self.add_def_in(name, DEF_LOCAL, bid, loc);
                }
                BlockKind::Module => {
                    self.add_def(name, DEF_GLOBAL, loc)?;
                    self.record_directive(name, loc);
                    return self.add_def_in(name, DEF_GLOBAL, bid, loc);
                }
                BlockKind::Class => {
                    return Err(err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        loc,
                    ));
                }
            }
        }
        Ok(())
    }

    // ---- second pass ----

    fn directive_err(&self, blk: usize, name: &str, msg: String) -> SyntaxError {
        let loc = self
            .blocks
            .get(blk)
            .and_then(|b| {
                b.directives
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, l)| *l)
            })
            .unwrap_or_default();
        err(msg, loc)
    }

    /// CPython's `analyze_block`: resolves `blk` and its children. `bound`
    /// is `None` for the module; `global` may be updated (it is the
    /// caller's private copy). Returns the block's free names.
    ///
    /// Recursive over nested scopes, so its own frame is kept small: the
    /// working sets live in a boxed [`Analysis`].
    fn analyze_block(
        &mut self,
        blk: usize,
        bound: Option<&BTreeSet<String>>,
        global: &mut BTreeSet<String>,
    ) -> Result<BTreeSet<String>, SyntaxError> {
        let mut a = self.analyze_names(blk, bound, global)?;
        let children = match self.blocks.get(blk) {
            Some(b) => b.children.clone(),
            None => Vec::new(),
        };
        for ch in children {
            let mut g = a.newglobal.clone();
            let child_free = self.analyze_block(ch, Some(&a.newbound), &mut g)?;
            a.newfree.extend(child_free);
            let (f, cf) = self
                .blocks
                .get(ch)
                .map_or((false, false), |c| (c.free, c.child_free));
            if f || cf {
                self.blocks[blk].child_free = true;
            }
        }
        Ok(self.analyze_finish(blk, a))
    }

    /// First half of `analyze_block`: the block's own names.
    #[inline(never)]
    fn analyze_names(
        &mut self,
        blk: usize,
        bound: Option<&BTreeSet<String>>,
        global: &mut BTreeSet<String>,
    ) -> Result<Box<Analysis>, SyntaxError> {
        let kind = self.blocks.get(blk).map_or(BlockKind::Module, |b| b.kind);
        let mut a = Box::new(Analysis {
            kind,
            bound: bound.cloned(),
            free: BTreeSet::new(),
            scopes: Vec::new(),
            newbound: BTreeSet::new(),
            newglobal: BTreeSet::new(),
            newfree: BTreeSet::new(),
        });
        let mut local: BTreeSet<String> = BTreeSet::new();
        if kind == BlockKind::Class {
            a.newglobal.extend(global.iter().cloned());
            if let Some(b) = &a.bound {
                a.newbound.extend(b.iter().cloned());
            }
        }
        let nsyms = self.blocks.get(blk).map_or(0, |b| b.symbols.len());
        for i in 0..nsyms {
            let (name, flags) = {
                let s = &self.blocks[blk].symbols[i];
                (s.name.clone(), s.flags)
            };
            let sc = self.analyze_name(
                blk,
                &name,
                flags,
                a.bound.as_mut(),
                &mut local,
                &mut a.free,
                global,
            )?;
            a.scopes.push(sc);
        }
        if kind != BlockKind::Class {
            if kind == BlockKind::Function {
                a.newbound.extend(local.iter().cloned());
            }
            if let Some(b) = a.bound.clone() {
                a.newbound.extend(b);
            }
            a.newglobal.extend(global.iter().cloned());
        } else {
            a.newbound.insert("__class__".to_string());
        }
        Ok(a)
    }

    /// Second half of `analyze_block`: cells, the implicit `__class__`
    /// cell, and the final scopes. Returns the free names.
    #[inline(never)]
    #[allow(clippy::boxed_local)] // boxed to keep `analyze_block`'s frame small
    fn analyze_finish(&mut self, blk: usize, a: Box<Analysis>) -> BTreeSet<String> {
        let Analysis {
            kind,
            bound,
            mut free,
            mut scopes,
            mut newfree,
            ..
        } = *a;
        let b = match self.blocks.get_mut(blk) {
            Some(b) => b,
            None => return free,
        };
        if kind == BlockKind::Function {
            // analyze_cells: locals used by children become cells.
            for (i, sc) in scopes.iter_mut().enumerate() {
                if *sc == Scope::Local {
                    if let Some(sym) = b.symbols.get(i) {
                        if newfree.remove(&sym.name) {
                            *sc = Scope::Cell;
                        }
                    }
                }
            }
        } else if kind == BlockKind::Class && newfree.remove("__class__") {
            b.needs_class_closure = true;
        }
        // update_symbols
        for (sym, sc) in b.symbols.iter_mut().zip(scopes.iter()) {
            sym.scope = Some(*sc);
        }
        for name in newfree.iter() {
            if let Some(&i) = b.index.get(name) {
                if let Some(sym) = b.symbols.get_mut(i) {
                    if kind == BlockKind::Class && (sym.flags & (DEF_BOUND | DEF_GLOBAL)) != 0 {
                        sym.flags |= DEF_FREE_CLASS;
                    }
                }
                continue;
            }
            if let Some(bd) = &bound {
                if !bd.contains(name) {
                    continue;
                }
            }
            b.index.insert(name.clone(), b.symbols.len());
            b.symbols.push(Symbol {
                name: name.clone(),
                flags: 0,
                scope: Some(Scope::Free),
            });
        }
        free.extend(newfree);
        free
    }

    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn analyze_name(
        &mut self,
        blk: usize,
        name: &str,
        flags: u32,
        bound: Option<&mut BTreeSet<String>>,
        local: &mut BTreeSet<String>,
        free: &mut BTreeSet<String>,
        global: &mut BTreeSet<String>,
    ) -> Result<Scope, SyntaxError> {
        if (flags & DEF_GLOBAL) != 0 {
            if (flags & DEF_NONLOCAL) != 0 {
                return Err(self.directive_err(
                    blk,
                    name,
                    format!("name '{}' is nonlocal and global", name),
                ));
            }
            global.insert(name.to_string());
            if let Some(b) = bound {
                b.remove(name);
            }
            return Ok(Scope::GlobalExplicit);
        }
        if (flags & DEF_NONLOCAL) != 0 {
            let b = match bound {
                Some(b) => b,
                None => {
                    return Err(self.directive_err(
                        blk,
                        name,
                        "nonlocal declaration not allowed at module level".to_string(),
                    ))
                }
            };
            if !b.contains(name) {
                return Err(self.directive_err(
                    blk,
                    name,
                    format!("no binding for nonlocal '{}' found", name),
                ));
            }
            self.blocks[blk].free = true;
            free.insert(name.to_string());
            return Ok(Scope::Free);
        }
        if (flags & DEF_BOUND) != 0 {
            local.insert(name.to_string());
            global.remove(name);
            return Ok(Scope::Local);
        }
        if let Some(b) = &bound {
            if b.contains(name) {
                self.blocks[blk].free = true;
                free.insert(name.to_string());
                return Ok(Scope::Free);
            }
        }
        if global.contains(name) {
            return Ok(Scope::GlobalImplicit);
        }
        if self.blocks[blk].nested {
            self.blocks[blk].free = true;
        }
        Ok(Scope::GlobalImplicit)
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use alloc::boxed::Box;
    use alloc::vec;

    fn l() -> Loc {
        Loc {
            line: 1,
            col: 0,
            end_line: 1,
            end_col: 1,
        }
    }
    fn name(id: &str, ctx: ExprContext) -> Expr {
        Expr {
            kind: ExprKind::Name {
                id: id.to_string(),
                ctx,
            },
            loc: l(),
        }
    }
    fn st(kind: StmtKind) -> Stmt {
        Stmt { kind, loc: l() }
    }
    fn func(n: &str, body: Vec<Stmt>) -> Stmt {
        st(StmtKind::FunctionDef {
            name: n.to_string(),
            args: Box::default(),
            body,
            decorator_list: vec![],
            returns: None,
            is_async: false,
        })
    }

    #[test]
    fn closure_cells() {
        // def f():
        //     x = 1
        //     def g(): return x
        let g = func(
            "g",
            vec![st(StmtKind::Return {
                value: Some(Box::new(name("x", ExprContext::Load))),
            })],
        );
        let f = func(
            "f",
            vec![
                st(StmtKind::Assign {
                    targets: vec![name("x", ExprContext::Store)],
                    value: Box::new(Expr {
                        kind: ExprKind::Constant(super::super::ast::Constant::Int(1)),
                        loc: l(),
                    }),
                }),
                g,
            ],
        );
        let m = Mod::Module(vec![f]);
        let t = build(&m, false).unwrap();
        assert_eq!(t.blocks.len(), 3);
        assert_eq!(t.blocks[1].scope("x"), Some(Scope::Cell));
        assert_eq!(t.blocks[2].scope("x"), Some(Scope::Free));
        assert_eq!(t.blocks[0].scope("f"), Some(Scope::Local));
    }

    #[test]
    fn mangling() {
        assert_eq!(mangle(Some("Foo"), "__x"), "_Foo__x");
        assert_eq!(mangle(Some("_Foo"), "__x"), "_Foo__x");
        assert_eq!(mangle(Some("__"), "__x"), "__x");
        assert_eq!(mangle(Some("Foo"), "__x__"), "__x__");
        assert_eq!(mangle(Some("Foo"), "__a.b"), "__a.b");
        assert_eq!(mangle(None, "__x"), "__x");
        assert_eq!(mangle(Some("Foo"), "_x"), "_x");
    }
}
