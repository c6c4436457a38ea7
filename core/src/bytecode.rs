//! ferropy bytecode: the contract between the compiler and the VM.
//!
//! Instructions are one opcode byte; opcodes `>= HAVE_ARG` are followed by a
//! 16-bit little-endian argument (so every instruction is 1 or 3 bytes).
//! Jump arguments are absolute byte offsets inside the code object.
//!
//! Semantics mirror CPython 3.11's `dis` documentation (same stack layouts,
//! same argument meanings), with these differences:
//! - Exception handling uses a run-time *block stack* instead of exception
//!   tables: `SETUP_FINALLY`/`SETUP_CLEANUP`/`SETUP_WITH` push a handler block
//!   and `POP_BLOCK` pops it (CPython 3.11's compiler emits the very same
//!   pseudo-instructions before turning them into a table). When an exception
//!   is raised, the VM pops the top block, truncates the value stack to the
//!   block's depth and pushes what the handler expects (see each op), then
//!   jumps to the handler. No block: the frame is unwound.
//! - No caches, no `RESUME`/`PRECALL`/`KW_NAMES`/`RETURN_GENERATOR`/`MAKE_CELL`/
//!   `COPY_FREE_VARS`: generator-ness comes from `CO_GENERATOR` etc. at call
//!   time, and cells/free variables are set up by the VM when the frame is
//!   created (see [`CodeUnit::cell2arg`]).
//! - Calls: `CALL(argc)` = `[callable, arg1..argN]`; `CALL_KW(argc)` =
//!   `[callable, arg1..argN, kwnames]` where `kwnames` is a tuple constant naming
//!   the last `len(kwnames)` of the `argc` arguments; `LOAD_METHOD` +
//!   `CALL_METHOD(argc)`/`CALL_METHOD_KW(argc)` as in CPython 3.10
//!   (`[meth, self, args..]` or `[callable, NULL, args..]`).
//! - Jumps are absolute (`JUMP`, `POP_JUMP_IF_*`, `JUMP_IF_*_OR_POP`,
//!   `FOR_ITER`, `SEND`, `SETUP_*`). A `JUMP` to an earlier offset is where the
//!   VM checks for interrupts.
//! - Cell/free variable indices (`LOAD_DEREF`, `STORE_DEREF`, `DELETE_DEREF`,
//!   `LOAD_CLOSURE`, `LOAD_CLASSDEREF`) index `cellvars ++ freevars`
//!   (CPython 3.10's convention), not 3.11's localsplus.
//!
//! Per-op stack effects are in [`stack_effect`], shared by the compiler (to
//! size frames) and the load-time verifier (to reject hostile bytecode).

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// Opcodes at or above this value carry a 16-bit argument.
pub const HAVE_ARG: u8 = 64;

macro_rules! opcodes {
    ($($(#[$m:meta])* $name:ident = $val:expr),* $(,)?) => {
        /// One bytecode operation. See the module docs for the conventions.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum Op { $($(#[$m])* $name = $val),* }
        impl Op {
            /// Decode a byte; `None` for a byte that is not an opcode.
            #[inline(always)]
            pub fn from_u8(b: u8) -> Option<Op> {
                match b { $($val => Some(Op::$name),)* _ => None }
            }
            /// The CPython-style name, for disassembly.
            pub fn name(self) -> &'static str {
                match self { $(Op::$name => stringify!($name),)* }
            }
        }
    };
}

opcodes! {
    // ---- no argument ----
    NOP = 0,
    POP_TOP = 1,
    /// Pushes the NULL marker (used before a call whose callable is then
    /// pushed and called with `CALL_METHOD`).
    PUSH_NULL = 2,
    UNARY_POSITIVE = 3,
    UNARY_NEGATIVE = 4,
    UNARY_NOT = 5,
    UNARY_INVERT = 6,
    /// `[container, key] -> [container[key]]`
    BINARY_SUBSCR = 7,
    /// `[value, container, key] -> []` (container[key] = value)
    STORE_SUBSCR = 8,
    /// `[container, key] -> []`
    DELETE_SUBSCR = 9,
    GET_ITER = 10,
    GET_YIELD_FROM_ITER = 11,
    /// REPL: print repr of TOS (if not None) and store it in `builtins._`.
    PRINT_EXPR = 12,
    LOAD_BUILD_CLASS = 13,
    LOAD_ASSERTION_ERROR = 14,
    RETURN_VALUE = 15,
    /// `[module] -> []`: `from module import *` into the current namespace.
    IMPORT_STAR = 16,
    SETUP_ANNOTATIONS = 17,
    /// Pops TOS and suspends the generator yielding it; on resume the sent
    /// value is pushed.
    YIELD_VALUE = 18,
    /// Pops the handler block pushed by the last `SETUP_*`.
    POP_BLOCK = 19,
    /// `[prev_exc] -> []`: restores the handled exception (`sys.exc_info()`).
    POP_EXCEPT = 20,
    /// `[exc] -> [prev_exc, exc]`: makes `exc` the handled exception, saving
    /// the previous one (or None) below it.
    PUSH_EXC_INFO = 21,
    /// `[exc, type] -> [exc, bool]`: `isinstance(exc, type)`; `type` may be a
    /// tuple; TypeError if it is not an exception class.
    CHECK_EXC_MATCH = 22,
    /// `[exc_group, type] -> [rest, match]` as CPython 3.11.
    CHECK_EG_MATCH = 23,
    /// `[orig, list_of_raised] -> [exc_or_none]` as CPython 3.11.
    PREP_RERAISE_STAR = 24,
    /// `[exit, lasti?, prev_exc, exc] -> [exit, ..., exc, res]`: calls the
    /// `__exit__` found 4th from top with `(type(exc), exc, exc.__traceback__)`.
    WITH_EXCEPT_START = 25,
    /// `[cm] -> [bound __exit__, result of __enter__()]`
    BEFORE_WITH = 26,
    /// `[cm] -> [bound __aexit__, awaitable of __aenter__()]`
    BEFORE_ASYNC_WITH = 27,
    GET_AITER = 28,
    GET_ANEXT = 29,
    /// `[aiter, exc] -> []` if exc is StopAsyncIteration, else re-raise.
    END_ASYNC_FOR = 30,
    /// Wraps TOS for yielding from an async generator.
    ASYNC_GEN_WRAP = 31,
    /// `[list] -> [tuple]`
    LIST_TO_TUPLE = 32,
    /// `[exc] -> []`: re-raise `exc` as it is (traceback kept).
    RERAISE = 33,
    /// `[obj] -> [obj, len(obj)]` (pattern matching).
    GET_LEN = 34,
    /// `[subject] -> [subject, bool]`: is the subject a mapping for pattern
    /// matching (see `vm::eval::match_kind`: `dict` and its subclasses, and
    /// classes deriving from a class with `__abc_tpflags__` & 1 << 6 such as
    /// `collections.abc.Mapping`)?
    MATCH_MAPPING = 35,
    /// `[subject] -> [subject, bool]`: is the subject a sequence for pattern
    /// matching (`list`, `tuple`, `range`, `memoryview`, `array.array`,
    /// `collections.deque` and their subclasses, and classes deriving from a
    /// class with `__abc_tpflags__` & 1 << 5 such as
    /// `collections.abc.Sequence`; never `str`, `bytes`, `bytearray`)?
    MATCH_SEQUENCE = 36,
    /// `[subject, keys] -> [subject, keys, values]`: `values` is a tuple of
    /// `subject.get(key)` for each key of the tuple `keys`, or None when a
    /// key is missing (ValueError on a duplicate key).
    MATCH_KEYS = 37,

    // ---- with a 16-bit argument ----
    /// Push `consts[arg]`.
    LOAD_CONST = 64,
    LOAD_FAST = 65,
    STORE_FAST = 66,
    DELETE_FAST = 67,
    /// Index into `cellvars ++ freevars`; pushes the cell's content
    /// (NameError/UnboundLocalError when empty).
    LOAD_DEREF = 68,
    STORE_DEREF = 69,
    DELETE_DEREF = 70,
    /// Pushes the cell object itself (to build a closure tuple).
    LOAD_CLOSURE = 71,
    /// Class bodies: look `freevars` name up in the class namespace first,
    /// then in the cell.
    LOAD_CLASSDEREF = 72,
    /// `names[arg]` in globals, then builtins.
    LOAD_GLOBAL = 73,
    STORE_GLOBAL = 74,
    DELETE_GLOBAL = 75,
    /// `names[arg]` in locals (namespace dict), then globals, then builtins.
    LOAD_NAME = 76,
    STORE_NAME = 77,
    DELETE_NAME = 78,
    /// `[obj] -> [obj.name]`
    LOAD_ATTR = 79,
    /// `[value, obj] -> []`
    STORE_ATTR = 80,
    DELETE_ATTR = 81,
    /// `[obj] -> [meth, obj]` when `name` is a plain function on the type,
    /// else `[attr, NULL]`.
    LOAD_METHOD = 82,
    /// `[f, a1..aN] -> [result]`
    CALL = 83,
    /// `[f, a1..aN, kwnames] -> [result]`
    CALL_KW = 84,
    /// `[meth|callable, self|NULL, a1..aN] -> [result]`
    CALL_METHOD = 85,
    /// `[meth|callable, self|NULL, a1..aN, kwnames] -> [result]`
    CALL_METHOD_KW = 86,
    /// `[f, args_tuple, kwargs_dict if arg & 1] -> [result]`
    CALL_FUNCTION_EX = 87,
    /// `[defaults if 1, kwdefaults if 2, annotations if 4, closure if 8, code]
    /// -> [function]`
    MAKE_FUNCTION = 88,
    /// `[exc if arg >= 1, cause if arg == 2]`: raise; arg 0 re-raises the
    /// handled exception.
    RAISE_VARARGS = 89,
    BUILD_TUPLE = 90,
    BUILD_LIST = 91,
    BUILD_SET = 92,
    /// `[k1, v1, .., kN, vN] -> [dict]`
    BUILD_MAP = 93,
    /// `[v1..vN, keys_tuple] -> [dict]`
    BUILD_CONST_KEY_MAP = 94,
    /// Concatenate arg strings.
    BUILD_STRING = 95,
    /// `[start, stop(, step)] -> [slice]` with arg 2 or 3.
    BUILD_SLICE = 96,
    /// `[.., list, .., v] -> [.., list, ..]`: append v to the list `arg`
    /// slots below the top (after popping v).
    LIST_APPEND = 97,
    SET_ADD = 98,
    /// `[.., dict, .., k, v] -> [.., dict, ..]`
    MAP_ADD = 99,
    LIST_EXTEND = 100,
    SET_UPDATE = 101,
    DICT_UPDATE = 102,
    /// Like DICT_UPDATE but raises on duplicate keys (for `f(**a, **b)`).
    DICT_MERGE = 103,
    /// `arg & 3`: 0 none, 1 str, 2 repr, 3 ascii; `arg & 4`: a format spec is
    /// on top of the value. `[value, spec?] -> [str]`
    FORMAT_VALUE = 104,
    UNPACK_SEQUENCE = 105,
    /// `arg & 0xff` targets before the star, `arg >> 8` after it.
    UNPACK_EX = 106,
    /// 0 `<`, 1 `<=`, 2 `==`, 3 `!=`, 4 `>`, 5 `>=`.
    COMPARE_OP = 107,
    /// CPython 3.11 `NB_*` numbering: 0 add, 1 and, 2 floordiv, 3 lshift,
    /// 4 matmul, 5 mul, 6 rem, 7 or, 8 pow, 9 rshift, 10 sub, 11 truediv,
    /// 12 xor; 13..=25 the in-place forms in the same order.
    BINARY_OP = 108,
    /// `[a, b] -> [a is b]` (arg 1: `is not`).
    IS_OP = 109,
    /// `[a, b] -> [a in b]` (arg 1: `not in`).
    CONTAINS_OP = 110,
    /// Push a copy of the item `arg` from the top (1 = TOS).
    COPY = 111,
    /// Swap TOS with the item `arg` from the top (arg >= 2).
    SWAP = 112,
    /// `[level, fromlist] -> [module]`
    IMPORT_NAME = 113,
    /// `[module] -> [module, module.name]` (ImportError if missing).
    IMPORT_FROM = 114,
    JUMP = 115,
    POP_JUMP_IF_FALSE = 116,
    POP_JUMP_IF_TRUE = 117,
    POP_JUMP_IF_NONE = 118,
    POP_JUMP_IF_NOT_NONE = 119,
    JUMP_IF_FALSE_OR_POP = 120,
    JUMP_IF_TRUE_OR_POP = 121,
    /// `[iter] -> [iter, next]`, or pops `iter` and jumps when exhausted.
    FOR_ITER = 122,
    /// `[receiver, value] -> [receiver, yielded]` (falls through to
    /// `YIELD_VALUE`), or `[retval]` and jumps when the receiver returns.
    SEND = 123,
    /// 0: `__await__`-able check as CPython 3.11 (`arg` only selects the
    /// error message: 1 after `__aenter__`, 2 after `__aexit__`).
    GET_AWAITABLE = 124,
    /// Handler block: on exception, stack truncated to the depth at this
    /// instruction, then `exc` pushed.
    SETUP_FINALLY = 125,
    /// Same as SETUP_FINALLY, but the instruction offset of the raising
    /// instruction (`lasti`, a small int) is pushed below `exc`.
    SETUP_CLEANUP = 126,
    /// After `BEFORE_WITH`: the block's depth excludes the `__enter__` result
    /// on top; on exception `[exit, lasti, exc]` as CPython 3.11.
    SETUP_WITH = 127,
    /// `RERAISE` variant of CPython 3.11 with `oparg`: when arg is non-zero,
    /// the `lasti` at stack position `arg + 1` is restored for the traceback.
    RERAISE_LASTI = 128,
    /// `[subject, cls, names] -> [attrs or None]`: class pattern with `arg`
    /// positional sub-patterns (through `cls.__match_args__`) and the
    /// keyword attribute names of the tuple `names`, as CPython 3.11.
    MATCH_CLASS = 129,
    /// `LOAD_FAST` for the target of `x += value`: the VM may then extend a
    /// str that only this local holds in place (see `vm::eval`, `owned`).
    LOAD_FAST_INPLACE = 130,
    /// `LOAD_FAST` of a local that is also the target of `+= value`: ends
    /// the local's ownership of its str (the value escapes).
    LOAD_FAST_DISOWN = 131,
    /// `STORE_FAST` of such a local: ends its ownership too; after
    /// `BINARY_OP +=` on two strs, the VM may do the store itself.
    STORE_FAST_DISOWN = 132,
}

impl Op {
    /// True when the instruction is followed by a 16-bit argument.
    #[inline]
    pub fn has_arg(self) -> bool {
        self as u8 >= HAVE_ARG
    }
    /// Size in bytes of the encoded instruction.
    #[inline]
    pub fn size(self) -> usize {
        if self.has_arg() {
            3
        } else {
            1
        }
    }
    /// Is `arg` an absolute jump target for this op?
    pub fn is_jump(self) -> bool {
        matches!(
            self,
            Op::JUMP
                | Op::POP_JUMP_IF_FALSE
                | Op::POP_JUMP_IF_TRUE
                | Op::POP_JUMP_IF_NONE
                | Op::POP_JUMP_IF_NOT_NONE
                | Op::JUMP_IF_FALSE_OR_POP
                | Op::JUMP_IF_TRUE_OR_POP
                | Op::FOR_ITER
                | Op::SEND
                | Op::SETUP_FINALLY
                | Op::SETUP_CLEANUP
                | Op::SETUP_WITH
        )
    }
}

/// `MAKE_FUNCTION` flag bits.
pub mod mkfn {
    pub const DEFAULTS: u16 = 0x01;
    pub const KWDEFAULTS: u16 = 0x02;
    pub const ANNOTATIONS: u16 = 0x04;
    pub const CLOSURE: u16 = 0x08;
}

/// Code flags, same bits as CPython's `CO_*`.
pub mod co {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
}

/// A constant of a code unit, independent of the object heap.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    /// An integer literal too large for `i64`: digits in `radix`, no prefix.
    BigInt {
        digits: String,
        radix: u32,
    },
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Const>),
    /// Frozen set of constants (for `x in {1, 2}`).
    FrozenSet(Vec<Const>),
    Code(Box<CodeUnit>),
    /// A nested code unit already turned into an object by a streaming
    /// loader (`marshal::decode_each`): number `n` of the loader's list.
    /// Never produced by the compiler, never serialised.
    Loaded(u32),
}

/// Maps a range of bytecode to a source line: applies from `start` up to the
/// next entry's `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineEntry {
    pub start: u32,
    pub line: u32,
}

/// The compiler's output for one code block (module, class body, function,
/// lambda, comprehension). Pure Rust data: the VM's loader turns it into a
/// heap code object, and the ahead-of-time tool serialises it.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeUnit {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub firstlineno: u32,
    pub argcount: u16,
    pub posonlyargcount: u16,
    pub kwonlyargcount: u16,
    /// `co::*` bits.
    pub flags: u32,
    /// Locals: arguments first (positional, keyword-only, then `*args`,
    /// `**kwargs`), then other locals. Indexed by `*_FAST`.
    pub varnames: Vec<String>,
    /// Variables of this block captured by inner blocks.
    pub cellvars: Vec<String>,
    /// Variables of outer blocks used here (filled from the closure tuple).
    pub freevars: Vec<String>,
    /// For each cellvar: the index in `varnames` of the argument whose value
    /// initialises the cell, if the cell is an argument.
    pub cell2arg: Vec<Option<u16>>,
    /// Global, attribute and import names, indexed by `*_NAME`, `*_GLOBAL`,
    /// `*_ATTR`, `LOAD_METHOD`, `IMPORT_*`.
    pub names: Vec<String>,
    pub consts: Vec<Const>,
    pub code: Vec<u8>,
    pub lines: Vec<LineEntry>,
    /// Maximum value-stack depth.
    pub stacksize: u16,
    /// Maximum block-stack depth.
    pub maxblocks: u16,
    /// The docstring of a function, class or module body, if any.
    pub docstring: Option<String>,
}

impl CodeUnit {
    /// Source line of the instruction at byte offset `off`.
    pub fn line_at(&self, off: u32) -> u32 {
        let mut line = self.firstlineno;
        for e in &self.lines {
            if e.start > off {
                break;
            }
            line = e.line;
        }
        line
    }
}

/// Net effect of one instruction on the value-stack depth. `jump` selects the
/// effect when the branch is taken (for ops that branch). For `SETUP_*` the
/// taken effect is the depth at the handler relative to the depth at the
/// `SETUP_*` instruction. Returns `None` for an invalid combination.
pub fn stack_effect(op: Op, arg: u16, jump: bool) -> Option<i32> {
    let a = arg as i32;
    use Op::*;
    Some(match op {
        NOP | POP_BLOCK => 0,
        POP_TOP => -1,
        PUSH_NULL => 1,
        UNARY_POSITIVE | UNARY_NEGATIVE | UNARY_NOT | UNARY_INVERT => 0,
        BINARY_SUBSCR => -1,
        STORE_SUBSCR => -3,
        DELETE_SUBSCR => -2,
        GET_ITER | GET_YIELD_FROM_ITER => 0,
        PRINT_EXPR => -1,
        LOAD_BUILD_CLASS | LOAD_ASSERTION_ERROR => 1,
        RETURN_VALUE => -1,
        IMPORT_STAR => -1,
        SETUP_ANNOTATIONS => 0,
        YIELD_VALUE => 0,
        POP_EXCEPT => -1,
        PUSH_EXC_INFO => 1,
        CHECK_EXC_MATCH => 0,
        CHECK_EG_MATCH => 0,
        PREP_RERAISE_STAR => -1,
        WITH_EXCEPT_START => 1,
        BEFORE_WITH | BEFORE_ASYNC_WITH => 1,
        GET_AITER => 0,
        GET_ANEXT => 1,
        END_ASYNC_FOR => -2,
        ASYNC_GEN_WRAP => 0,
        LIST_TO_TUPLE => 0,
        RERAISE | RERAISE_LASTI => -1,
        GET_LEN | MATCH_MAPPING | MATCH_SEQUENCE | MATCH_KEYS => 1,
        MATCH_CLASS => -2,
        LOAD_CONST | LOAD_FAST | LOAD_FAST_INPLACE | LOAD_FAST_DISOWN | LOAD_DEREF
        | LOAD_CLOSURE | LOAD_CLASSDEREF | LOAD_GLOBAL | LOAD_NAME => 1,
        STORE_FAST | STORE_FAST_DISOWN | STORE_DEREF | STORE_GLOBAL | STORE_NAME => -1,
        DELETE_FAST | DELETE_DEREF | DELETE_GLOBAL | DELETE_NAME => 0,
        LOAD_ATTR => 0,
        STORE_ATTR => -2,
        DELETE_ATTR => -1,
        LOAD_METHOD => 1,
        CALL => -a,
        CALL_KW => -a - 1,
        CALL_METHOD => -a - 1,
        CALL_METHOD_KW => -a - 2,
        CALL_FUNCTION_EX => -1 - (a & 1),
        MAKE_FUNCTION => -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1)),
        RAISE_VARARGS => -a,
        BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => 1 - a,
        BUILD_MAP => 1 - 2 * a,
        BUILD_CONST_KEY_MAP => -a,
        BUILD_SLICE => 1 - a,
        LIST_APPEND | SET_ADD => -1,
        MAP_ADD => -2,
        LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE => -1,
        FORMAT_VALUE => {
            if a & 4 != 0 {
                -1
            } else {
                0
            }
        }
        UNPACK_SEQUENCE => a - 1,
        UNPACK_EX => (a & 0xff) + (a >> 8),
        COMPARE_OP | BINARY_OP | IS_OP | CONTAINS_OP => -1,
        COPY => 1,
        SWAP => 0,
        IMPORT_NAME => -1,
        IMPORT_FROM => 1,
        JUMP => 0,
        POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => -1,
        JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
            if jump {
                0
            } else {
                -1
            }
        }
        FOR_ITER => {
            if jump {
                -1
            } else {
                1
            }
        }
        SEND => {
            if jump {
                -1
            } else {
                0
            }
        }
        GET_AWAITABLE => 0,
        SETUP_FINALLY => {
            if jump {
                1
            } else {
                0
            }
        }
        SETUP_CLEANUP => {
            if jump {
                2
            } else {
                0
            }
        }
        SETUP_WITH => {
            if jump {
                1
            } else {
                0
            }
        }
    })
}

/// Read the instruction at `pc`: `(op, arg, next_pc)`, or `None` if the bytes
/// there do not form a whole, valid instruction.
pub fn decode(code: &[u8], pc: usize) -> Option<(Op, u16, usize)> {
    let op = Op::from_u8(*code.get(pc)?)?;
    if op.has_arg() {
        let lo = *code.get(pc + 1)? as u16;
        let hi = *code.get(pc + 2)? as u16;
        Some((op, lo | (hi << 8), pc + 3))
    } else {
        Some((op, 0, pc + 1))
    }
}

/// Human-readable listing of a code unit (and its nested code constants).
pub fn disassemble(code: &CodeUnit, out: &mut String) {
    use core::fmt::Write;
    let _ = writeln!(
        out,
        "Disassembly of {} ({}:{}) stack={} blocks={}",
        code.qualname, code.filename, code.firstlineno, code.stacksize, code.maxblocks
    );
    let mut pc = 0;
    while pc < code.code.len() {
        match decode(&code.code, pc) {
            Some((op, arg, next)) => {
                let _ = write!(
                    out,
                    "{:>6} {:>4} {:<22}",
                    code.line_at(pc as u32),
                    pc,
                    op.name()
                );
                if op.has_arg() {
                    let _ = write!(out, " {}", arg);
                    let note = match op {
                        Op::LOAD_CONST => code
                            .consts
                            .get(arg as usize)
                            .map(|c| alloc::format!("{:?}", c)),
                        Op::LOAD_FAST
                        | Op::LOAD_FAST_INPLACE
                        | Op::STORE_FAST
                        | Op::DELETE_FAST => code.varnames.get(arg as usize).cloned(),
                        Op::LOAD_GLOBAL
                        | Op::STORE_GLOBAL
                        | Op::DELETE_GLOBAL
                        | Op::LOAD_NAME
                        | Op::STORE_NAME
                        | Op::DELETE_NAME
                        | Op::LOAD_ATTR
                        | Op::STORE_ATTR
                        | Op::DELETE_ATTR
                        | Op::LOAD_METHOD
                        | Op::IMPORT_NAME
                        | Op::IMPORT_FROM => code.names.get(arg as usize).cloned(),
                        Op::LOAD_DEREF
                        | Op::STORE_DEREF
                        | Op::DELETE_DEREF
                        | Op::LOAD_CLOSURE
                        | Op::LOAD_CLASSDEREF => code
                            .cellvars
                            .iter()
                            .chain(code.freevars.iter())
                            .nth(arg as usize)
                            .cloned(),
                        _ => None,
                    };
                    if let Some(n) = note {
                        let mut n = n;
                        n.truncate(60);
                        let _ = write!(out, " ({})", n);
                    }
                }
                let _ = writeln!(out);
                pc = next;
            }
            None => {
                let _ = writeln!(out, "       {:>4} <bad byte {}>", pc, code.code[pc]);
                pc += 1;
            }
        }
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            let _ = writeln!(out);
            disassemble(inner, out);
        }
    }
}
