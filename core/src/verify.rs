//! Load-time bytecode verifier.
//!
//! [`verify`] accepts a [`CodeUnit`] only if the VM can run it without
//! checking operands or stack bounds at run time:
//! - the code decodes into whole instructions and ends with one that cannot
//!   fall through (`RETURN_VALUE`, `RAISE_VARARGS`, `RERAISE`,
//!   `RERAISE_LASTI`, `JUMP`);
//! - jump targets are instruction boundaries inside the code;
//! - constant, name, local, cell/free and `cell2arg` indices are in range;
//!   operands with a fixed range (`BUILD_SLICE`, `COMPARE_OP`, `BINARY_OP`,
//!   `MAKE_FUNCTION`, `COPY`/`SWAP`, ...) are within it;
//! - a flow analysis over every path (both sides of each branch, and each
//!   handler as entered by the VM: stack truncated to the block's level plus
//!   what the VM pushes) finds one stack depth and one block stack per
//!   instruction, no instruction ever takes more items than are on the
//!   stack above the innermost handler's level, the depth never exceeds
//!   `stacksize`, the block depth never exceeds `maxblocks`, and `POP_BLOCK`
//!   always has a block to pop;
//! - NULL markers (`PUSH_NULL`, the second result of `LOAD_METHOD`) are
//!   only ever consumed as the `self` slot of `CALL_METHOD(_KW)`, never as a
//!   value;
//! - `CALL_KW`/`CALL_METHOD_KW` are preceded (on their only path) by the
//!   `LOAD_CONST` of a tuple of at most `argc` strings, and
//!   `BUILD_CONST_KEY_MAP n` by that of a tuple of exactly `n` keys;
//! - `YIELD_VALUE`/`SEND` only appear in generator-like code;
//! - nested code constants are verified the same way.
//!
//! It never panics and uses no recursion (hostile nesting is bounded by
//! explicit limits instead).

use alloc::collections::BTreeMap;
use alloc::vec;
use alloc::vec::Vec;

use crate::bytecode::{co, decode, stack_effect, CodeUnit, Const, Op};

/// Maximum nesting of code objects inside code constants.
pub const MAX_CODE_DEPTH: usize = 256;
/// Maximum nesting of tuple / frozenset constants.
pub const MAX_CONST_DEPTH: usize = 32;

/// Check a code unit and every code unit nested in its constants.
pub fn verify(code: &CodeUnit) -> Result<(), &'static str> {
    let mut work: Vec<(&CodeUnit, usize)> = vec![(code, 0)];
    while let Some((c, depth)) = work.pop() {
        if depth > MAX_CODE_DEPTH {
            return Err("code objects nested too deeply");
        }
        verify_header(c)?;
        verify_consts(c, depth, &mut work)?;
        verify_code(c)?;
    }
    Ok(())
}

fn verify_header(c: &CodeUnit) -> Result<(), &'static str> {
    if c.posonlyargcount > c.argcount {
        return Err("posonlyargcount > argcount");
    }
    let nparams = c.argcount as usize
        + c.kwonlyargcount as usize
        + usize::from(c.flags & co::VARARGS != 0)
        + usize::from(c.flags & co::VARKEYWORDS != 0);
    if nparams > c.varnames.len() {
        return Err("more parameters than local variables");
    }
    if c.varnames.len() > 0x1_0000 || c.names.len() > 0x1_0000 || c.consts.len() > 0x1_0000 {
        return Err("too many names or constants");
    }
    if c.cellvars.len() + c.freevars.len() > 0x1_0000 {
        return Err("too many cell and free variables");
    }
    if c.cell2arg.len() != c.cellvars.len() {
        return Err("cell2arg does not match cellvars");
    }
    for a in c.cell2arg.iter().flatten() {
        if *a as usize >= nparams {
            return Err("cell2arg index is not a parameter");
        }
    }
    Ok(())
}

fn valid_bigint(digits: &str, radix: u32) -> bool {
    (2..=36).contains(&radix) && !digits.is_empty() && digits.chars().all(|ch| ch.is_digit(radix))
}

fn verify_consts<'c>(
    c: &'c CodeUnit,
    depth: usize,
    work: &mut Vec<(&'c CodeUnit, usize)>,
) -> Result<(), &'static str> {
    // (constant, nesting inside tuples/frozensets)
    let mut stack: Vec<(&Const, usize)> = c.consts.iter().map(|k| (k, 0)).collect();
    while let Some((k, d)) = stack.pop() {
        match k {
            Const::Code(inner) => {
                if d > 0 {
                    return Err("code object inside a tuple constant");
                }
                work.push((inner, depth + 1));
            }
            Const::Tuple(items) | Const::FrozenSet(items) => {
                if d >= MAX_CONST_DEPTH {
                    return Err("constant nested too deeply");
                }
                for it in items {
                    stack.push((it, d + 1));
                }
            }
            Const::BigInt { digits, radix } if !valid_bigint(digits, *radix) => {
                return Err("malformed big integer constant");
            }
            _ => {}
        }
    }
    Ok(())
}

fn is_terminator(op: Op) -> bool {
    matches!(
        op,
        Op::RETURN_VALUE | Op::RAISE_VARARGS | Op::RERAISE | Op::RERAISE_LASTI | Op::JUMP
    )
}

/// Items an instruction reads from the stack (pops plus deeper peeks).
fn inputs(op: Op, arg: u16) -> i64 {
    let a = arg as i64;
    use Op::*;
    match op {
        NOP | POP_BLOCK | PUSH_NULL | LOAD_BUILD_CLASS | LOAD_ASSERTION_ERROR
        | SETUP_ANNOTATIONS => 0,
        LOAD_CONST | LOAD_FAST | LOAD_FAST_INPLACE | LOAD_FAST_DISOWN | LOAD_DEREF
        | LOAD_CLOSURE | LOAD_CLASSDEREF | LOAD_GLOBAL | LOAD_NAME => 0,
        DELETE_FAST | DELETE_DEREF | DELETE_GLOBAL | DELETE_NAME | JUMP | SETUP_FINALLY
        | SETUP_CLEANUP => 0,
        POP_TOP | UNARY_POSITIVE | UNARY_NEGATIVE | UNARY_NOT | UNARY_INVERT | GET_ITER
        | GET_YIELD_FROM_ITER | PRINT_EXPR | RETURN_VALUE | IMPORT_STAR | YIELD_VALUE
        | POP_EXCEPT | PUSH_EXC_INFO | BEFORE_WITH | BEFORE_ASYNC_WITH | GET_AITER | GET_ANEXT
        | ASYNC_GEN_WRAP | LIST_TO_TUPLE | RERAISE => 1,
        STORE_FAST | STORE_FAST_DISOWN | STORE_DEREF | STORE_GLOBAL | STORE_NAME | LOAD_ATTR
        | DELETE_ATTR | LOAD_METHOD => 1,
        UNPACK_SEQUENCE | UNPACK_EX | IMPORT_FROM | FOR_ITER | GET_AWAITABLE | SETUP_WITH => 1,
        POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => 1,
        JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => 1,
        BINARY_SUBSCR | DELETE_SUBSCR | CHECK_EXC_MATCH | CHECK_EG_MATCH | PREP_RERAISE_STAR
        | END_ASYNC_FOR => 2,
        STORE_ATTR | COMPARE_OP | BINARY_OP | IS_OP | CONTAINS_OP | IMPORT_NAME | SEND => 2,
        STORE_SUBSCR | MATCH_CLASS => 3,
        GET_LEN | MATCH_MAPPING | MATCH_SEQUENCE => 1,
        MATCH_KEYS => 2,
        WITH_EXCEPT_START => 4,
        CALL => a + 1,
        CALL_KW | CALL_METHOD => a + 2,
        CALL_METHOD_KW => a + 3,
        CALL_FUNCTION_EX => 2 + (a & 1),
        MAKE_FUNCTION => 1 + (a & 0xf).count_ones() as i64,
        RAISE_VARARGS | BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING | BUILD_SLICE
        | COPY | SWAP => a,
        BUILD_MAP => 2 * a,
        BUILD_CONST_KEY_MAP => a + 1,
        LIST_APPEND | SET_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE
        | RERAISE_LASTI => a + 1,
        MAP_ADD => a + 2,
        FORMAT_VALUE => {
            if a & 4 != 0 {
                2
            } else {
                1
            }
        }
    }
}

/// Items an instruction may remove from the stack before it can raise
/// (at most [`inputs`]; ops that only peek remove fewer).
fn removes(op: Op, arg: u16) -> i64 {
    use Op::*;
    match op {
        COPY | SWAP | WITH_EXCEPT_START | FOR_ITER | GET_ANEXT | IMPORT_FROM | SETUP_WITH => 0,
        GET_LEN | MATCH_MAPPING | MATCH_SEQUENCE | MATCH_KEYS => 0,
        LIST_APPEND | SET_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE
        | RERAISE_LASTI => 1,
        CHECK_EXC_MATCH => 1,
        MAP_ADD => 2,
        _ => inputs(op, arg),
    }
}

/// Range checks of one instruction's operand.
fn check_operand(c: &CodeUnit, op: Op, arg: u16) -> Result<(), &'static str> {
    let a = arg as usize;
    let nderef = c.cellvars.len() + c.freevars.len();
    use Op::*;
    let ok = match op {
        LOAD_CONST => a < c.consts.len(),
        LOAD_FAST | LOAD_FAST_INPLACE | LOAD_FAST_DISOWN | STORE_FAST | STORE_FAST_DISOWN
        | DELETE_FAST => a < c.varnames.len(),
        LOAD_DEREF | STORE_DEREF | DELETE_DEREF | LOAD_CLOSURE | LOAD_CLASSDEREF => a < nderef,
        LOAD_GLOBAL | STORE_GLOBAL | DELETE_GLOBAL | LOAD_NAME | STORE_NAME | DELETE_NAME
        | LOAD_ATTR | STORE_ATTR | DELETE_ATTR | LOAD_METHOD | IMPORT_NAME | IMPORT_FROM => {
            a < c.names.len()
        }
        BUILD_SLICE => a == 2 || a == 3,
        RAISE_VARARGS => a <= 2,
        FORMAT_VALUE => a <= 7,
        COMPARE_OP => a <= 5,
        BINARY_OP => a <= 25,
        IS_OP | CONTAINS_OP | CALL_FUNCTION_EX => a <= 1,
        MAKE_FUNCTION => a <= 15,
        GET_AWAITABLE => a <= 2,
        COPY => a >= 1,
        SWAP => a >= 2,
        LIST_APPEND | SET_ADD | MAP_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE => {
            a >= 1
        }
        YIELD_VALUE | SEND => {
            c.flags & (co::GENERATOR | co::COROUTINE | co::ASYNC_GENERATOR | co::ITERABLE_COROUTINE)
                != 0
        }
        _ => true,
    };
    if ok {
        Ok(())
    } else {
        Err("invalid instruction operand")
    }
}

const UNSEEN: u32 = u32::MAX;
const NO_BLOCK: u32 = u32::MAX;

/// A handler block pushed by the `SETUP_*` at some offset.
#[derive(Clone, Copy)]
struct BlockInfo {
    /// The block below it (`NO_BLOCK`: none).
    parent: u32,
    /// Value-stack depth the VM truncates to when unwinding to it.
    level: i64,
    /// Number of blocks with it on top.
    count: i64,
}

/// The constant a `LOAD_CONST` right before `pc` loads, if `pc` can only be
/// reached from there.
fn preceding_const(c: &CodeUnit, prev: Option<usize>, targeted: bool) -> Option<&Const> {
    if targeted {
        return None;
    }
    let (op, arg, _) = decode(&c.code, prev?)?;
    if op != Op::LOAD_CONST {
        return None;
    }
    c.consts.get(arg as usize)
}

fn str_tuple_len(k: Option<&Const>) -> Option<usize> {
    match k {
        Some(Const::Tuple(items)) if items.iter().all(|i| matches!(i, Const::Str(_))) => {
            Some(items.len())
        }
        _ => None,
    }
}

fn tuple_len(k: Option<&Const>) -> Option<usize> {
    match k {
        Some(Const::Tuple(items)) => Some(items.len()),
        _ => None,
    }
}

fn verify_code(c: &CodeUnit) -> Result<(), &'static str> {
    let code = &c.code[..];
    let n = code.len();
    if n == 0 {
        return Err("empty code");
    }
    // Instruction boundaries and operands.
    let mut start = vec![false; n];
    let mut pc = 0;
    let mut last = Op::NOP;
    while pc < n {
        let (op, arg, next) = decode(code, pc).ok_or("invalid or truncated instruction")?;
        start[pc] = true;
        check_operand(c, op, arg)?;
        last = op;
        pc = next;
    }
    if !is_terminator(last) {
        return Err("code can fall off its end");
    }
    // Jump targets (`start` becomes: 1 = boundary, 2 = jump target).
    let mut mark: Vec<u8> = start.iter().map(|&b| u8::from(b)).collect();
    drop(start);
    pc = 0;
    while pc < n {
        let (op, arg, next) = decode(code, pc).ok_or("invalid or truncated instruction")?;
        if op.is_jump() {
            let t = arg as usize;
            if t >= n || mark[t] == 0 {
                return Err("jump target is not an instruction");
            }
            mark[t] = 2;
        }
        pc = next;
    }
    // Operands that must be a constant loaded right before.
    pc = 0;
    let mut prev: Option<usize> = None;
    while pc < n {
        let (op, arg, next) = decode(code, pc).ok_or("invalid or truncated instruction")?;
        let targeted = mark[pc] == 2;
        match op {
            Op::CALL_KW | Op::CALL_METHOD_KW => {
                match str_tuple_len(preceding_const(c, prev, targeted)) {
                    Some(k) if k <= arg as usize => {}
                    _ => return Err("keyword call without a tuple of names loaded before it"),
                }
            }
            Op::BUILD_CONST_KEY_MAP
                if tuple_len(preceding_const(c, prev, targeted)) != Some(arg as usize) =>
            {
                return Err("BUILD_CONST_KEY_MAP without a matching tuple of keys before it");
            }
            _ => {}
        }
        prev = Some(pc);
        pc = next;
    }

    // Flow analysis: one (depth, top block, NULL slots) state per
    // instruction. NULL markers (from PUSH_NULL / LOAD_METHOD) may only be
    // consumed as the `self` slot of CALL_METHOD(_KW).
    let stacksize = c.stacksize as i64;
    let maxblocks = c.maxblocks as i64;
    let mut depth: Vec<u32> = vec![UNSEEN; n];
    let mut top: Vec<u32> = vec![NO_BLOCK; n];
    let mut blocks: BTreeMap<u32, BlockInfo> = BTreeMap::new();
    let mut nulls: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    let mut work: Vec<u32> = vec![0];
    depth[0] = 0;

    let level_of = |blocks: &BTreeMap<u32, BlockInfo>, b: u32| -> i64 {
        if b == NO_BLOCK {
            0
        } else {
            blocks.get(&b).map_or(0, |i| i.level)
        }
    };

    while let Some(pc32) = work.pop() {
        let pc = pc32 as usize;
        let (op, arg, next) = decode(code, pc).ok_or("invalid or truncated instruction")?;
        let d = depth[pc] as i64;
        let t = top[pc];
        let need = inputs(op, arg);
        if d < need {
            return Err("stack underflow");
        }
        // Nothing that can raise may remove items below the innermost
        // handler's level (`PUSH_EXC_INFO` replaces the item it takes and
        // cannot raise).
        if d - removes(op, arg) < level_of(&blocks, t) && op != Op::PUSH_EXC_INFO {
            return Err("stack underflow below a handler's level");
        }
        // NULL markers.
        let mut nl: Vec<u32> = nulls.get(&pc32).cloned().unwrap_or_default();
        let self_slot = match op {
            Op::CALL_METHOD => Some(d - arg as i64 - 1),
            Op::CALL_METHOD_KW => Some(d - arg as i64 - 2),
            _ => None,
        };
        let low = d - need;
        for &p in &nl {
            let p = p as i64;
            if p >= low && Some(p) != self_slot {
                return Err("NULL marker used as a value");
            }
        }
        nl.retain(|&p| (p as i64) < low);
        match op {
            Op::PUSH_NULL | Op::LOAD_METHOD => nl.push(d as u32),
            _ => {}
        }
        // Successor states: (target, depth, top block, NULL slots).
        let mut succ: [Option<(usize, i64, u32)>; 2] = [None, None];
        if !is_terminator(op) {
            let e = stack_effect(op, arg, false).ok_or("invalid stack effect")? as i64;
            let nt = match op {
                Op::SETUP_FINALLY | Op::SETUP_CLEANUP | Op::SETUP_WITH => {
                    let level = if op == Op::SETUP_WITH { d - 1 } else { d };
                    let parent_count = if t == NO_BLOCK {
                        0
                    } else {
                        blocks.get(&t).map_or(0, |b| b.count)
                    };
                    if level < level_of(&blocks, t) {
                        return Err("handler below the enclosing handler's level");
                    }
                    if parent_count + 1 > maxblocks {
                        return Err("block stack exceeds maxblocks");
                    }
                    blocks.insert(
                        pc32,
                        BlockInfo {
                            parent: t,
                            level,
                            count: parent_count + 1,
                        },
                    );
                    pc32
                }
                Op::POP_BLOCK => {
                    if t == NO_BLOCK {
                        return Err("POP_BLOCK without a block");
                    }
                    blocks.get(&t).map_or(NO_BLOCK, |b| b.parent)
                }
                _ => t,
            };
            succ[0] = Some((next, d + e, nt));
        }
        if op.is_jump() {
            let e = stack_effect(op, arg, true).ok_or("invalid stack effect")? as i64;
            // A handler is entered with the block popped.
            succ[1] = Some((arg as usize, d + e, t));
        }
        for (target, nd, nt) in succ.iter().flatten().copied() {
            if target >= n {
                return Err("execution falls off the end");
            }
            if nd > stacksize {
                return Err("stack depth exceeds stacksize");
            }
            if nd < level_of(&blocks, nt) {
                return Err("stack underflow below a handler's level");
            }
            let mut tn: Vec<u32> = nl.iter().copied().filter(|&p| (p as i64) < nd).collect();
            tn.sort_unstable();
            let tkey = target as u32;
            if depth[target] == UNSEEN {
                depth[target] = nd as u32;
                top[target] = nt;
                if !tn.is_empty() {
                    nulls.insert(tkey, tn);
                }
                work.push(tkey);
            } else if depth[target] as i64 != nd
                || top[target] != nt
                || nulls.get(&tkey).map_or(&[][..], |v| &v[..]) != &tn[..]
            {
                return Err("inconsistent stack state where paths join");
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use alloc::string::ToString;

    fn unit(code: Vec<u8>, consts: Vec<Const>, stacksize: u16, maxblocks: u16) -> CodeUnit {
        CodeUnit {
            name: "t".to_string(),
            qualname: "t".to_string(),
            filename: "t".to_string(),
            firstlineno: 1,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            cell2arg: Vec::new(),
            names: Vec::new(),
            consts,
            code,
            lines: Vec::new(),
            stacksize,
            maxblocks,
            docstring: None,
        }
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }
        fn below(&mut self, n: usize) -> usize {
            if n == 0 {
                0
            } else {
                (self.next() % n as u64) as usize
            }
        }
    }

    /// All code units of a tree, for picking one to damage.
    fn count_units(c: &CodeUnit) -> usize {
        1 + c
            .consts
            .iter()
            .map(|k| {
                if let Const::Code(i) = k {
                    count_units(i)
                } else {
                    0
                }
            })
            .sum::<usize>()
    }

    /// Damage the `n`th code unit of the tree (pre-order); true when done.
    fn mutate_nth(c: &mut CodeUnit, n: &mut usize, rng: &mut Rng) -> bool {
        if *n == 0 {
            mutate(c, rng);
            return true;
        }
        *n -= 1;
        for k in c.consts.iter_mut() {
            if let Const::Code(i) = k {
                if mutate_nth(i, n, rng) {
                    return true;
                }
            }
        }
        false
    }

    fn mutate(c: &mut CodeUnit, rng: &mut Rng) {
        let n = c.code.len();
        match rng.below(12) {
            0 if n > 0 => {
                let i = rng.below(n);
                c.code[i] = rng.next() as u8;
            }
            1 if n > 0 => {
                // nudge an operand byte
                let i = rng.below(n);
                c.code[i] = c.code[i].wrapping_add(1 + rng.below(3) as u8);
            }
            2 => c.code.truncate(rng.below(n + 1)),
            3 => {
                let i = rng.below(n + 1);
                c.code.insert(i, rng.next() as u8);
            }
            4 => c.stacksize = c.stacksize.saturating_sub(1 + rng.below(2) as u16),
            5 => c.maxblocks = c.maxblocks.saturating_sub(1),
            6 => {
                c.consts.pop();
            }
            7 => {
                c.names.pop();
            }
            8 => {
                c.varnames.pop();
            }
            9 => {
                c.flags &= !(co::GENERATOR | co::COROUTINE | co::ASYNC_GENERATOR | co::VARARGS);
            }
            10 if n > 0 => {
                // replace an opcode by another valid one
                let i = rng.below(n);
                let b = rng.next() as u8 % 129;
                if Op::from_u8(b).is_some() {
                    c.code[i] = b;
                }
            }
            _ => {
                c.cellvars.pop();
                c.freevars.pop();
            }
        }
    }

    #[test]
    fn mutated_code_never_panics() {
        use crate::compile::{codegen, parser};
        let srcs = [
            "def f(a, *b, **c):\n    try:\n        for x in a:\n            with x as y:\n                return y\n    except E as e:\n        raise\n    finally:\n        print(a)\n",
            "class C(B):\n    def m(self):\n        return [super().m(i) for i in range(3) if i]\n",
            "async def g(a):\n    async with a as b:\n        async for x in b:\n            yield await x\n",
            "def h():\n    x = 1\n    def k():\n        nonlocal x\n        x += 1\n        return {x: y for y in (yield from z)}\n    return k\n",
            "try:\n    a\nexcept* E as e:\n    b\nx = f'{a!r:{b}}' if c else d\n",
        ];
        let mut units = Vec::new();
        for s in srcs {
            let m = parser::parse(s, "<t>", parser::Mode::Exec).unwrap();
            let c = codegen::compile(&m, "<t>").unwrap();
            verify(&c).unwrap();
            units.push(c);
        }
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let (mut total, mut rejected) = (0u32, 0u32);
        for round in 0..40_000 {
            let mut c = units[round % units.len()].clone();
            let nmut = 1 + rng.below(3);
            for _ in 0..nmut {
                let mut k = rng.below(count_units(&c));
                mutate_nth(&mut c, &mut k, &mut rng);
            }
            total += 1;
            if verify(&c).is_err() {
                rejected += 1;
            }
        }
        std::println!("mutations: {} rejected: {}", total, rejected);
        assert!(rejected * 10 > total * 7);
        // Random bytes.
        for _ in 0..20_000 {
            let len = rng.below(40);
            let code: Vec<u8> = (0..len).map(|_| (rng.next() % 140) as u8).collect();
            let u = unit(
                code,
                vec![Const::None, Const::Int(1)],
                rng.below(6) as u16,
                rng.below(3) as u16,
            );
            let _ = verify(&u);
        }
    }

    #[test]
    fn basic() {
        let lc = Op::LOAD_CONST as u8;
        let rv = Op::RETURN_VALUE as u8;
        assert!(verify(&unit(vec![lc, 0, 0, rv], vec![Const::None], 1, 0)).is_ok());
        assert!(verify(&unit(vec![lc, 0, 0, rv], vec![Const::None], 0, 0)).is_err());
        assert!(verify(&unit(vec![lc, 1, 0, rv], vec![Const::None], 1, 0)).is_err());
        assert!(verify(&unit(vec![rv], vec![], 1, 0)).is_err());
        assert!(verify(&unit(vec![lc, 0], vec![Const::None], 1, 0)).is_err());
        assert!(verify(&unit(vec![], vec![], 1, 0)).is_err());
        // NULL markers may only be the `self` slot of CALL_METHOD.
        let pn = Op::PUSH_NULL as u8;
        let cm = Op::CALL_METHOD as u8;
        let call = Op::CALL as u8;
        let ln = Op::LOAD_NAME as u8;
        let mut u = unit(vec![ln, 0, 0, pn, cm, 0, 0, rv], vec![], 2, 0);
        u.names.push("f".to_string());
        assert!(verify(&u).is_ok());
        let mut u = unit(vec![ln, 0, 0, pn, call, 1, 0, rv], vec![], 2, 0);
        u.names.push("f".to_string());
        assert!(verify(&u).is_err());
        let mut u = unit(vec![pn, ln, 0, 0, cm, 0, 0, rv], vec![], 2, 0);
        u.names.push("f".to_string());
        assert!(verify(&u).is_err());
        assert!(verify(&unit(vec![pn, rv], vec![], 1, 0)).is_err());
        // CALL_KW needs its tuple of names right before it.
        let ck = Op::CALL_KW as u8;
        let mut u = unit(
            vec![ln, 0, 0, lc, 0, 0, lc, 1, 0, ck, 1, 0, rv],
            vec![],
            3,
            0,
        );
        u.names.push("f".to_string());
        u.consts = vec![
            Const::Int(1),
            Const::Tuple(vec![Const::Str("k".to_string())]),
        ];
        assert!(verify(&u).is_ok());
        u.consts[1] = Const::Tuple(vec![Const::Int(1)]);
        assert!(verify(&u).is_err());
        u.consts[1] = Const::Tuple(vec![
            Const::Str("k".to_string()),
            Const::Str("j".to_string()),
        ]);
        assert!(verify(&u).is_err());
        // POP_BLOCK without block
        assert!(verify(&unit(
            vec![Op::POP_BLOCK as u8, lc, 0, 0, rv],
            vec![Const::None],
            1,
            0
        ))
        .is_err());
    }
}
