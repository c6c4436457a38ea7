//! `match` statements: CPython 3.11's pattern compilation (`compile.c`,
//! `compiler_match` and the `compiler_pattern_*` family), for ferropy's
//! bytecode.
//!
//! While a pattern is matched, the stack holds (from the bottom) the
//! subject's copy for the next case, the values captured so far (the first
//! captured on top of them), then `on_top` working items. A failing check
//! jumps to `fail_pop[n]`, which pops the `n` items above the base: the
//! `fail_pop` labels are emitted together after the case, each a `POP_TOP`
//! falling into the next one, so every join has one stack depth.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::{fold_const, Compiler, Label, R};
use crate::bytecode::{Const, Op};
use crate::compile::ast::{
    Constant, Expr, ExprContext, ExprKind, MatchCase, Operator, Pattern, PatternKind, UnaryOp,
};

/// CPython's `pattern_context`.
pub(super) struct PatternCtx {
    /// Names captured so far, in capture order.
    stores: Vec<String>,
    /// May an irrefutable pattern appear here?
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` items and goes on to the next case.
    fail_pop: Vec<Label>,
    /// Working items above the captured values.
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p.kind,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::MatchStar { name: None })
}

/// The value of a literal pattern (as CPython's AST optimizer folds it:
/// `-1`, `1+2j`, `-1.5-2j`), or `None` for an attribute lookup.
fn literal_value(e: &Expr) -> Option<Const> {
    if let ExprKind::BinOp { left, op, right } = &e.kind {
        let re = match fold_const(left, 0)? {
            Const::Int(i) => i as f64,
            Const::Float(f) => f,
            _ => return None,
        };
        let Const::Complex { imag, .. } = fold_const(right, 0)? else {
            return None;
        };
        let imag = if *op == Operator::Sub { -imag } else { imag };
        return Some(Const::Complex { real: re, imag });
    }
    match &e.kind {
        ExprKind::Constant(_) | ExprKind::UnaryOp { .. } => fold_const(e, 0),
        _ => None,
    }
}

/// Is `e` a valid value-pattern expression (CPython's `MATCH_VALUE_EXPR`,
/// after constant folding)?
fn is_value_expr(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Attribute { .. } => true,
        ExprKind::Constant(_) => true,
        ExprKind::UnaryOp {
            op: UnaryOp::USub, ..
        }
        | ExprKind::BinOp { .. } => literal_value(e).is_some(),
        _ => false,
    }
}

/// Numeric value of a constant for duplicate-key checks (`1`, `1.0` and
/// `True` are the same key).
fn key_number(c: &Const) -> Option<(f64, f64)> {
    Some(match c {
        Const::True => (1.0, 0.0),
        Const::False => (0.0, 0.0),
        Const::Int(i) => (*i as f64, 0.0),
        Const::Float(f) => (*f, 0.0),
        Const::Complex { real, imag } => (*real, *imag),
        _ => return None,
    })
}

fn same_key(a: &Const, b: &Const) -> bool {
    match (key_number(a), key_number(b)) {
        (Some(x), Some(y)) => {
            // Big ints never collide with small ones here; compare exactly
            // when both are ints.
            if let (Const::Int(p), Const::Int(q)) = (a, b) {
                return p == q;
            }
            x == y
        }
        (None, None) => match (a, b) {
            (Const::Str(x), Const::Str(y)) => x == y,
            (Const::Bytes(x), Const::Bytes(y)) => x == y,
            (Const::None, Const::None) => true,
            (
                Const::BigInt {
                    digits: d,
                    radix: r,
                },
                Const::BigInt {
                    digits: e,
                    radix: s,
                },
            ) => d == e && r == s,
            _ => false,
        },
        _ => false,
    }
}

fn pattern_loc_str(e: &Expr) -> String {
    super::unparse(e)
}

impl<'a> Compiler<'a> {
    #[inline(never)]
    pub(super) fn compile_match(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> R {
        self.compile_expr(subject)?;
        let end = self.new_label();
        let ncases = cases.len();
        let Some(last) = cases.last() else {
            return Err(self.error("match statement without cases"));
        };
        let has_default = is_wildcard(&last.pattern) && ncases > 1;
        let nloop = ncases - usize::from(has_default);
        for (i, m) in cases.iter().take(nloop).enumerate() {
            self.u.loc = m.pattern.loc;
            let last_one = i + 1 == nloop;
            if !last_one {
                self.op_i(Op::COPY, 1);
            }
            let mut pc = PatternCtx {
                stores: Vec::new(),
                allow_irrefutable: m.guard.is_some() || i + 1 == ncases,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.compile_pattern(&m.pattern, &mut pc)?;
            let stores = core::mem::take(&mut pc.stores);
            for n in &stores {
                self.nameop(n, ExprContext::Store)?;
            }
            if let Some(g) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let l = pc.fail_pop[0];
                self.jump_if(g, l, false)?;
            }
            if !last_one {
                self.op(Op::POP_TOP);
            }
            self.compile_stmts(&m.body)?;
            self.jump(Op::JUMP, end);
            self.u.loc = m.pattern.loc;
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.u.loc = last.pattern.loc;
            self.op(Op::NOP);
            if let Some(g) = &last.guard {
                self.jump_if(g, end, false)?;
            }
            self.compile_stmts(&last.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: usize) {
        while pc.fail_pop.len() <= n {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let l = pc.fail_pop[pops];
        self.jump(op, l);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternCtx) {
        let labels = core::mem::take(&mut pc.fail_pop);
        for (i, l) in labels.iter().enumerate().rev() {
            self.bind(*l);
            if i > 0 {
                self.op(Op::POP_TOP);
            }
        }
    }

    /// `SWAP count; SWAP count-1; ...; SWAP 2`: moves TOS down `count - 1`
    /// places.
    fn pattern_rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.op_i(Op::SWAP, count);
            count -= 1;
        }
    }

    fn pattern_store_name(&mut self, name: Option<&str>, pc: &mut PatternCtx) -> R {
        let Some(n) = name else {
            self.op(Op::POP_TOP);
            return Ok(());
        };
        if n == "__debug__" {
            return Err(self.error("cannot assign to __debug__"));
        }
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.error(format!("multiple assignments to name '{}' in pattern", n)));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.pattern_rotate(rotations);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn compile_pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> R {
        self.enter(p.loc, "too many nested parentheses")?;
        // Like CPython, the location stays the last pattern's (errors found
        // after sub-patterns point there).
        self.u.loc = p.loc;
        let r = self.compile_pattern_inner(p, pc);
        self.depth -= 1;
        r
    }

    fn compile_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> R {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.compile_pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn compile_pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> R {
        match &p.kind {
            PatternKind::MatchValue { value } => {
                if !is_value_expr(value) {
                    return Err(
                        self.error("patterns may only match literals and attribute lookups")
                    );
                }
                self.pattern_value_expr(value)?;
                self.op_i(Op::COMPARE_OP, 2);
                self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
                Ok(())
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(match value {
                    Constant::True => Const::True,
                    Constant::False => Const::False,
                    _ => Const::None,
                });
                self.op_i(Op::IS_OP, 0);
                self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
                Ok(())
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(patterns, pc),
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.pattern_mapping(keys, patterns, rest.as_deref(), pc),
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.pattern_class(p, cls, patterns, kwd_attrs, kwd_patterns, pc),
            PatternKind::MatchStar { name } => self.pattern_store_name(name.as_deref(), pc),
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match name {
                            Some(n) => self.error(format!(
                                "name capture '{}' makes remaining patterns unreachable",
                                n
                            )),
                            None => self.error("wildcard makes remaining patterns unreachable"),
                        });
                    }
                    self.pattern_store_name(name.as_deref(), pc)
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.op_i(Op::COPY, 1);
                    self.compile_pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store_name(name.as_deref(), pc)
                }
            },
            PatternKind::MatchOr { patterns } => self.pattern_or(p, patterns, pc),
        }
    }

    /// Pushes the value of a value pattern or mapping key.
    fn pattern_value_expr(&mut self, e: &'a Expr) -> R {
        match literal_value(e) {
            Some(c) => {
                self.load_const(c);
                Ok(())
            }
            None => self.compile_expr(e),
        }
    }

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternCtx) -> R {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, x) in patterns.iter().enumerate() {
            if let PatternKind::MatchStar { .. } = x.kind {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern"));
                }
                star_wildcard = is_star_wildcard(x);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(x);
        }
        pc.on_top += 1;
        self.op(Op::MATCH_SEQUENCE);
        self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.op(Op::GET_LEN);
                self.load_const(Const::Int(size as i64));
                self.op_i(Op::COMPARE_OP, 2);
                self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
            }
            Some(_) if size > 1 => {
                self.op(Op::GET_LEN);
                self.load_const(Const::Int(size as i64 - 1));
                self.op_i(Op::COMPARE_OP, 5);
                self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.op(Op::POP_TOP);
        } else if star_wildcard {
            self.pattern_sequence_subscr(patterns, star.unwrap_or(usize::MAX), pc)?;
        } else {
            self.pattern_sequence_unpack(patterns, pc)?;
        }
        Ok(())
    }

    fn pattern_sequence_unpack(&mut self, patterns: &'a [Pattern], pc: &mut PatternCtx) -> R {
        let n = patterns.len();
        match patterns
            .iter()
            .position(|x| matches!(x.kind, PatternKind::MatchStar { .. }))
        {
            Some(i) => {
                if i >= 256 || n - i > 256 {
                    return Err(
                        self.error("too many expressions in star-unpacking sequence pattern")
                    );
                }
                self.op_i(Op::UNPACK_EX, i + ((n - i - 1) << 8));
            }
            None => self.op_i(Op::UNPACK_SEQUENCE, n),
        }
        pc.on_top += n;
        for x in patterns {
            pc.on_top -= 1;
            self.compile_subpattern(x, pc)?;
        }
        Ok(())
    }

    fn pattern_sequence_subscr(
        &mut self,
        patterns: &'a [Pattern],
        star: usize,
        pc: &mut PatternCtx,
    ) -> R {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, x) in patterns.iter().enumerate() {
            if is_wildcard(x) || i == star {
                continue;
            }
            self.op_i(Op::COPY, 1);
            if i < star {
                self.load_const(Const::Int(i as i64));
            } else {
                self.op(Op::GET_LEN);
                self.load_const(Const::Int((size - i) as i64));
                self.op_i(Op::BINARY_OP, 10);
            }
            self.op(Op::BINARY_SUBSCR);
            self.compile_subpattern(x, pc)?;
        }
        pc.on_top -= 1;
        self.op(Op::POP_TOP);
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&str>,
        pc: &mut PatternCtx,
    ) -> R {
        let size = keys.len();
        if size != patterns.len() {
            return Err(self.error("keys/patterns length mismatch in mapping pattern"));
        }
        pc.on_top += 1;
        self.op(Op::MATCH_MAPPING);
        self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.op(Op::POP_TOP);
            return Ok(());
        }
        if size > 0 {
            self.op(Op::GET_LEN);
            self.load_const(Const::Int(size as i64));
            self.op_i(Op::COMPARE_OP, 5);
            self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        }
        let mut seen: Vec<Const> = Vec::new();
        for k in keys {
            match &k.kind {
                ExprKind::Attribute { .. } => {}
                _ => {
                    let Some(c) = literal_value(k) else {
                        return Err(self.error(
                            "mapping pattern keys may only match literals and attribute lookups",
                        ));
                    };
                    if seen.iter().any(|s| same_key(s, &c)) {
                        return Err(self.error(format!(
                            "mapping pattern checks duplicate key ({})",
                            pattern_loc_str(k)
                        )));
                    }
                    seen.push(c);
                }
            }
            self.pattern_value_expr(k)?;
        }
        self.op_i(Op::BUILD_TUPLE, size);
        self.op(Op::MATCH_KEYS);
        pc.on_top += 2;
        self.op_i(Op::COPY, 1);
        self.load_const(Const::None);
        self.op_i(Op::IS_OP, 1);
        self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        self.op_i(Op::UNPACK_SEQUENCE, size);
        pc.on_top += size;
        pc.on_top -= 1;
        for x in patterns {
            pc.on_top -= 1;
            self.compile_subpattern(x, pc)?;
        }
        pc.on_top -= 2;
        match rest {
            Some(name) => {
                self.op_i(Op::BUILD_MAP, 0);
                self.op_i(Op::SWAP, 3);
                self.op_i(Op::DICT_UPDATE, 2);
                self.op_i(Op::UNPACK_SEQUENCE, size);
                let mut n = size;
                while n > 0 {
                    self.op_i(Op::COPY, 1 + n);
                    n -= 1;
                    self.op_i(Op::SWAP, 2);
                    self.op(Op::DELETE_SUBSCR);
                }
                self.pattern_store_name(Some(name), pc)?;
            }
            None => {
                self.op(Op::POP_TOP);
                self.op(Op::POP_TOP);
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn pattern_class(
        &mut self,
        p: &'a Pattern,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternCtx,
    ) -> R {
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        if nattrs != kwd_patterns.len() {
            return Err(self.error("kwd_attrs / kwd_patterns length mismatch in class pattern"));
        }
        for (i, a) in kwd_attrs.iter().enumerate() {
            if a == "__debug__" {
                self.u.loc = kwd_patterns[i].loc;
                return Err(self.error("cannot assign to __debug__"));
            }
            if let Some(j) = kwd_attrs[i + 1..].iter().position(|o| o == a) {
                self.u.loc = kwd_patterns[i + 1 + j].loc;
                return Err(self.error(format!("attribute name repeated in class pattern: {}", a)));
            }
        }
        self.u.loc = p.loc;
        self.compile_expr(cls)?;
        let names: Vec<Const> = kwd_attrs.iter().map(|a| Const::Str(a.clone())).collect();
        self.load_const(Const::Tuple(names));
        self.op_i(Op::MATCH_CLASS, nargs);
        self.op_i(Op::COPY, 1);
        self.load_const(Const::None);
        self.op_i(Op::IS_OP, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        self.op_i(Op::UNPACK_SEQUENCE, nargs + nattrs);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for x in patterns.iter().chain(kwd_patterns.iter()) {
            pc.on_top -= 1;
            if is_wildcard(x) {
                self.op(Op::POP_TOP);
                continue;
            }
            self.compile_subpattern(x, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, p: &'a Pattern, alts: &'a [Pattern], pc: &mut PatternCtx) -> R {
        let end = self.new_label();
        let old_allow = pc.allow_irrefutable;
        let old_on_top = pc.on_top;
        let old_fail_pop = core::mem::take(&mut pc.fail_pop);
        let old_stores = core::mem::take(&mut pc.stores);
        let mut control: Option<Vec<String>> = None;
        let n = alts.len();
        for (i, alt) in alts.iter().enumerate() {
            self.u.loc = alt.loc;
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == n && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.op_i(Op::COPY, 1);
            self.compile_pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) => {
                    if ctl.len() != pc.stores.len() {
                        return Err(self.error("alternative patterns bind different names"));
                    }
                    let nst = ctl.len();
                    let mut icontrol = nst;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error("alternative patterns bind different names"));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.pattern_rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.jump(Op::JUMP, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        self.u.loc = p.loc;
        self.op(Op::POP_TOP);
        self.jump_to_fail_pop(pc, Op::JUMP);
        self.bind(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.pattern_rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(format!(
                    "multiple assignments to name '{}' in pattern",
                    name
                )));
            }
            pc.stores.push(name);
        }
        self.op(Op::POP_TOP);
        Ok(())
    }
}
