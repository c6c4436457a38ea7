//! The bytecode dispatch loop.
//!
//! One `match` over the opcode byte with the instruction pointer and the
//! value-stack pointer in locals. Calls of Python functions push a frame and
//! continue in the same loop (no native recursion); returning pops it. An
//! exception unwinds through the block stack of each frame, adding a
//! traceback entry per frame, until a handler is found or the entry frame
//! is left.
//!
//! The code has been verified at load time (`verify`), so operands are in
//! range and the stack never under/overflows; NULL markers are read
//! defensively anyway.
#![allow(unsafe_code)]

use super::abs;
use super::call;
use super::frame::{self, Block, Frame, BLOCK_CLEANUP, BLOCK_FINALLY, BLOCK_WITH, NO_OWNER};
use super::{PyResult, Vm};
use crate::bytecode::{co, Op};
use crate::obj::func::{CellObj, CodeObj, FunctionObj};
use crate::obj::{
    dict, exc, false_obj, func, list, none, py_bool, str as pystr, true_obj, tuple, Args, BinOp,
    CmpOp, Layout, Obj, UnOp,
};
use alloc::format;
use core::sync::atomic::{AtomicBool, Ordering};

/// BINARY_OP's argument for `+=` (CPython's NB_INPLACE_ADD).
const NB_INPLACE_ADD: usize = 13;

/// Set (e.g. from a signal handler) to raise KeyboardInterrupt at the next
/// backward jump or call.
pub static INTERRUPT: AtomicBool = AtomicBool::new(false);

/// Run a frame until it returns (or, for a generator frame, yields: then
/// `(*f).yielded` is set). `throw`: start by raising this exception at the
/// frame's current position (generator `throw()`).
pub fn run_frame(vm: &Vm, entry: *mut Frame) -> PyResult<Obj> {
    run(vm, entry, false)
}

/// Resume a frame with an exception set in the VM (generator `throw()`).
pub fn run_frame_throw(vm: &Vm, entry: *mut Frame) -> PyResult<Obj> {
    run(vm, entry, true)
}

#[inline(always)]
fn or_none(o: Option<Obj>) -> Obj {
    match o {
        Some(o) => o,
        None => none(),
    }
}

/// Add a traceback entry for frame `f` at its `lasti` to `e`.
fn add_traceback(vm: &Vm, e: Obj, f: *mut Frame) {
    // The preallocated MemoryError is raised when the heap is full: it
    // collects no traceback (and so keeps nothing alive).
    if vm.memory_error.get().map(|m| m.is(e)).unwrap_or(false)
        || vm.recursion_error.get().map(|m| m.is(e)).unwrap_or(false)
    {
        return;
    }
    // SAFETY: f is a live frame.
    let fr = unsafe { &*f };
    if let Some(x) = exc::exc_of(e) {
        let line = fr.line();
        // Allocating the entry must not replace the exception in flight (a
        // full heap only costs the traceback).
        let saved = vm.take_exc();
        if let Ok(tb) = crate::obj::traceback::new(
            vm,
            x.traceback.get(),
            fr.code_obj,
            line,
            fr.lasti,
            fr.globals,
        ) {
            x.traceback.set(Some(tb));
        }
        vm.take_exc();
        vm.restore_exc(saved);
    }
}

fn set_context(vm: &Vm, e: Obj) {
    if let Some(h) = vm.handled.get() {
        if h.is(e) {
            return;
        }
        if let Some(x) = exc::exc_of(e) {
            if x.context.get().is_none() {
                // Break cycles as CPython: where h's context chain reaches
                // e, cut it there (`raise a` of an earlier exception while
                // handling one whose context is `a`).
                let mut o = h;
                let mut n = 0;
                while let Some(y) = exc::exc_of(o) {
                    match y.context.get() {
                        Some(c) if c.is(e) => {
                            y.context.set(None);
                            break;
                        }
                        Some(c) => o = c,
                        None => break,
                    }
                    n += 1;
                    if n > 1000 {
                        break;
                    }
                }
                x.context.set(Some(h));
            }
        }
    }
}

#[inline(never)]
fn run(vm: &Vm, entry: *mut Frame, start_with_error: bool) -> PyResult<Obj> {
    vm.check_stack()?;
    // SAFETY: entry is a live frame not currently on the frame chain.
    unsafe {
        (*entry).back = vm.frame.get();
        (*entry).yielded = false;
    }
    vm.frame.set(entry);
    vm.depth.set(vm.depth.get() + 1);
    let mut f = entry;
    let mut pending_error = start_with_error;
    let mut reraise = start_with_error;

    'frame: loop {
        // ---- load frame state
        // SAFETY: f is the live innermost frame.
        let fr = unsafe { &mut *f };
        let code: &'static CodeObj = fr.code();
        let bytes: &'static [u8] = code.bytes();
        let consts = tuple::tuple_items(code.consts);
        let names = tuple::tuple_items(code.names);
        let fast = Frame::fast(f);
        let stack_base = Frame::stack(f);
        let mut pc = fr.pc;
        let mut lasti = fr.lasti;
        // SAFETY: sp <= stacksize.
        let mut sp: *mut Option<Obj> = unsafe { stack_base.add(fr.sp) };

        macro_rules! push {
            ($v:expr) => {{
                let v: Obj = $v;
                // SAFETY: the verifier bounds the stack depth by stacksize.
                unsafe {
                    *sp = Some(v);
                    sp = sp.add(1);
                }
            }};
        }
        macro_rules! push_opt {
            ($v:expr) => {{
                let v: Option<Obj> = $v;
                // SAFETY: as in push.
                unsafe {
                    *sp = v;
                    sp = sp.add(1);
                }
            }};
        }
        macro_rules! drop_top {
            () => {{
                // SAFETY: the verifier guarantees the item exists.
                unsafe { sp = sp.sub(1) };
            }};
        }
        macro_rules! pop_opt {
            () => {{
                // SAFETY: the verifier guarantees the item exists.
                unsafe {
                    sp = sp.sub(1);
                    *sp
                }
            }};
        }
        macro_rules! pop {
            () => {
                or_none(pop_opt!())
            };
        }
        macro_rules! peek {
            ($n:expr) => {
                // SAFETY: the verifier guarantees the item exists.
                or_none(unsafe { *sp.sub($n) })
            };
        }
        macro_rules! set_peek {
            ($n:expr, $v:expr) => {{
                let v: Obj = $v;
                // SAFETY: as in peek.
                unsafe { *sp.sub($n) = Some(v) }
            }};
        }
        macro_rules! depth {
            () => {
                // SAFETY: both pointers are in the same frame.
                unsafe { sp.offset_from(stack_base) as usize }
            };
        }
        macro_rules! slice {
            ($n:expr) => {{
                let n: usize = $n;
                // SAFETY: the n items below sp are initialised objects (never
                // NULL markers), and Option<Obj> has Obj's layout.
                unsafe { core::slice::from_raw_parts(sp.sub(n) as *const Obj, n) }
            }};
        }
        macro_rules! save {
            () => {{
                fr.pc = pc;
                fr.lasti = lasti;
                fr.sp = depth!();
            }};
        }

        if !pending_error {
            'exec: loop {
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(_) => break 'exec,
                        }
                    };
                }
                lasti = pc;
                // SAFETY: pc is on an instruction boundary inside the code
                // (verified), and an instruction with an argument has its two
                // argument bytes.
                let opb = unsafe { *bytes.get_unchecked(pc) };
                let arg: usize;
                if opb >= crate::bytecode::HAVE_ARG {
                    // SAFETY: see above.
                    arg = unsafe {
                        *bytes.get_unchecked(pc + 1) as usize
                            | (*bytes.get_unchecked(pc + 2) as usize) << 8
                    };
                    pc += 3;
                } else {
                    arg = 0;
                    pc += 1;
                }
                let Some(op) = Op::from_u8(opb) else {
                    let _ = vm.new_error(&exc::SYSTEM_ERROR, "bad opcode");
                    break 'exec;
                };
                match op {
                    Op::NOP => {}
                    Op::POP_TOP => {
                        drop_top!();
                    }
                    Op::PUSH_NULL => push_opt!(None),
                    Op::COPY => {
                        // SAFETY: verified depth.
                        let v = unsafe { *sp.sub(arg) };
                        push_opt!(v);
                    }
                    Op::SWAP => {
                        // SAFETY: verified depth.
                        unsafe { core::ptr::swap(sp.sub(1), sp.sub(arg)) };
                    }
                    Op::LOAD_CONST => push!(consts[arg]),
                    Op::LOAD_FAST | Op::LOAD_FAST_INPLACE | Op::LOAD_FAST_DISOWN => {
                        // A read other than `+=`'s lets the value escape:
                        // the local no longer owns its str (see BINARY_OP).
                        if op == Op::LOAD_FAST_DISOWN && arg == fr.owned as usize {
                            fr.owned = NO_OWNER;
                        }
                        // SAFETY: arg < nlocals (verified).
                        match unsafe { *fast.add(arg) } {
                            Some(v) => push!(v),
                            None => {
                                let n = pystr::as_str(tuple::tuple_items(code.varnames)[arg])
                                    .unwrap_or("?");
                                let _ = vm.new_error(
                                    &exc::UNBOUND_LOCAL_ERROR,
                                    &format!("cannot access local variable '{}' where it is not associated with a value", n),
                                );
                                break 'exec;
                            }
                        }
                    }
                    Op::STORE_FAST | Op::STORE_FAST_DISOWN => {
                        if op == Op::STORE_FAST_DISOWN && arg == fr.owned as usize {
                            fr.owned = NO_OWNER;
                        }
                        let v = pop!();
                        // SAFETY: arg < nlocals.
                        unsafe { *fast.add(arg) = Some(v) };
                    }
                    Op::DELETE_FAST => {
                        if arg == fr.owned as usize {
                            fr.owned = NO_OWNER;
                        }
                        // SAFETY: arg < nlocals.
                        let old = unsafe { (*fast.add(arg)).take() };
                        if old.is_none() {
                            let n = pystr::as_str(tuple::tuple_items(code.varnames)[arg])
                                .unwrap_or("?");
                            let _ = vm.new_error(
                                &exc::UNBOUND_LOCAL_ERROR,
                                &format!("cannot access local variable '{}' where it is not associated with a value", n),
                            );
                            break 'exec;
                        }
                    }
                    Op::LOAD_DEREF | Op::LOAD_CLASSDEREF => {
                        let nl = code.nlocals as usize;
                        if op == Op::LOAD_CLASSDEREF {
                            if let Some(ns) = fr.locals {
                                let name = deref_name(code, arg);
                                if let Some(v) = tri!(dict_or_map_get(vm, ns, name)) {
                                    push!(v);
                                    continue;
                                }
                            }
                        }
                        // SAFETY: nl + arg < nfast.
                        let cell = unsafe { *fast.add(nl + arg) };
                        let v = cell
                            .and_then(|c| c.downcast::<CellObj>())
                            .and_then(|c| c.value.get());
                        match v {
                            Some(v) => push!(v),
                            None => {
                                free_var_error(vm, code, arg);
                                break 'exec;
                            }
                        }
                    }
                    Op::STORE_DEREF => {
                        let v = pop!();
                        let nl = code.nlocals as usize;
                        // SAFETY: nl + arg < nfast.
                        if let Some(c) =
                            unsafe { *fast.add(nl + arg) }.and_then(|c| c.downcast::<CellObj>())
                        {
                            c.value.set(Some(v));
                        }
                    }
                    Op::DELETE_DEREF => {
                        let nl = code.nlocals as usize;
                        // SAFETY: nl + arg < nfast.
                        if let Some(c) =
                            unsafe { *fast.add(nl + arg) }.and_then(|c| c.downcast::<CellObj>())
                        {
                            if c.value.replace(None).is_none() {
                                free_var_error(vm, code, arg);
                                break 'exec;
                            }
                        }
                    }
                    Op::LOAD_CLOSURE => {
                        let nl = code.nlocals as usize;
                        // SAFETY: nl + arg < nfast.
                        let c = unsafe { *fast.add(nl + arg) };
                        push!(or_none(c));
                    }
                    Op::LOAD_GLOBAL => {
                        let name = names[arg];
                        let v = tri!(load_global(vm, fr.globals, fr.builtins, name));
                        push!(v);
                    }
                    Op::STORE_GLOBAL => {
                        let v = pop!();
                        tri!(dict::set(vm, fr.globals, names[arg], v));
                    }
                    Op::DELETE_GLOBAL => {
                        if !tri!(dict::del(vm, fr.globals, names[arg])) {
                            name_error(vm, names[arg]);
                            break 'exec;
                        }
                    }
                    Op::LOAD_NAME => {
                        let name = names[arg];
                        let mut found = None;
                        if let Some(ns) = fr.locals {
                            found = tri!(dict_or_map_get(vm, ns, name));
                        }
                        let v = match found {
                            Some(v) => v,
                            None => tri!(load_global(vm, fr.globals, fr.builtins, name)),
                        };
                        push!(v);
                    }
                    Op::STORE_NAME => {
                        let v = pop!();
                        let ns = fr.locals.unwrap_or(fr.globals);
                        if dict::is_dict(ns) && ns.ty().is(&dict::DICT_TYPE) {
                            tri!(dict::set(vm, ns, names[arg], v));
                        } else {
                            tri!(abs::setitem(vm, ns, names[arg], v));
                        }
                    }
                    Op::DELETE_NAME => {
                        let ns = fr.locals.unwrap_or(fr.globals);
                        if dict::is_dict(ns) && ns.ty().is(&dict::DICT_TYPE) {
                            if !tri!(dict::del(vm, ns, names[arg])) {
                                name_error(vm, names[arg]);
                                break 'exec;
                            }
                        } else {
                            tri!(abs::delitem(vm, ns, names[arg]));
                        }
                    }
                    Op::LOAD_ATTR => {
                        let o = pop!();
                        let v = tri!(abs::getattr(vm, o, names[arg]));
                        push!(v);
                    }
                    Op::STORE_ATTR => {
                        let o = pop!();
                        let v = pop!();
                        tri!(abs::setattr(vm, o, names[arg], Some(v)));
                    }
                    Op::DELETE_ATTR => {
                        let o = pop!();
                        tri!(abs::setattr(vm, o, names[arg], None));
                    }
                    Op::LOAD_METHOD => {
                        let o = pop!();
                        let name = names[arg];
                        match tri!(load_method(vm, o, name)) {
                            (m, Some(this)) => {
                                push!(m);
                                push!(this);
                            }
                            (a, None) => {
                                push!(a);
                                push_opt!(None);
                            }
                        }
                    }
                    Op::CALL | Op::CALL_KW | Op::CALL_METHOD | Op::CALL_METHOD_KW => {
                        if INTERRUPT.load(Ordering::Relaxed) {
                            INTERRUPT.store(false, Ordering::Relaxed);
                            let _ = vm.new_error(&exc::KEYBOARD_INTERRUPT, "");
                            break 'exec;
                        }
                        let kwnames = if op == Op::CALL_KW || op == Op::CALL_METHOD_KW {
                            Some(pop!())
                        } else {
                            None
                        };
                        let nkw = kwnames.map(|k| tuple::tuple_items(k).len()).unwrap_or(0);
                        let argc = arg;
                        let npos = argc.saturating_sub(nkw);
                        let is_method = op == Op::CALL_METHOD || op == Op::CALL_METHOD_KW;
                        let (callable, this, consumed) = if is_method {
                            // [meth|callable, self|NULL, args..]
                            let selfslot = unsafe { *sp.sub(argc + 1) };
                            let m = peek!(argc + 2);
                            (m, selfslot, argc + 2)
                        } else {
                            (peek!(argc + 1), None, argc + 1)
                        };
                        let all = slice!(argc);
                        let args = Args {
                            pos: &all[..npos],
                            kw: &all[npos..],
                            kwnames,
                        };
                        // Python function: push a frame and continue here.
                        if callable.layout() == Layout::Function {
                            // SAFETY: layout checked.
                            let fobj = unsafe { callable.cast::<FunctionObj>() };
                            let fco = fobj.code();
                            if fco.flags & (co::GENERATOR | co::COROUTINE | co::ASYNC_GENERATOR)
                                == 0
                            {
                                save!();
                                let nf = tri!(frame::alloc_frame(
                                    vm,
                                    fobj.code.get(),
                                    fobj.globals,
                                    None,
                                    Some(callable),
                                    false
                                ));
                                if call::bind_args(vm, fobj, nf, this, &args)
                                    .and_then(|_| frame::init_cells(vm, nf, fobj.closure))
                                    .is_err()
                                {
                                    frame::free_frame(vm, nf);
                                    break 'exec;
                                }
                                // SAFETY: consumed items are on the stack.
                                sp = unsafe { sp.sub(consumed) };
                                fr.sp = depth!();
                                // SAFETY: nf is a fresh frame above f.
                                unsafe { (*nf).back = f };
                                if vm.depth.get() >= vm.recursion_limit.get() {
                                    frame::free_frame(vm, nf);
                                    let _ = vm.recursion_error();
                                    break 'exec;
                                }
                                vm.depth.set(vm.depth.get() + 1);
                                f = nf;
                                vm.frame.set(f);
                                continue 'frame;
                            }
                        }
                        fr.sp = depth!();
                        vm.call_frame.set(f);
                        let r = match this {
                            Some(t) => call::call_with_self(vm, callable, t, &args),
                            None => call::call_args(vm, callable, &args),
                        };
                        vm.call_frame.set(core::ptr::null_mut());
                        // SAFETY: consumed items are on the stack.
                        sp = unsafe { sp.sub(consumed) };
                        let r = tri!(r);
                        push!(r);
                    }
                    Op::CALL_FUNCTION_EX => {
                        let kwargs = if arg & 1 != 0 { Some(pop!()) } else { None };
                        let args = pop!();
                        let f_ = pop!();
                        let args = if tuple::is_tuple(args) && args.ty().is(&tuple::TUPLE_TYPE) {
                            args
                        } else {
                            if args.ty().slots.iter.is_none() && args.ty().slots.getitem.is_none() {
                                let _ = vm.type_error(&format!(
                                    "{} argument after * must be an iterable, not {}",
                                    crate::builtins::function_str(vm, f_),
                                    args.ty().name()
                                ));
                                break 'exec;
                            }
                            let v = tri!(abs::to_vec(vm, args));
                            tri!(tuple::new(vm, &v))
                        };
                        let kwargs = match kwargs {
                            Some(k) if dict::is_dict(k) => Some(k),
                            Some(k) => {
                                let d = tri!(dict::new(vm));
                                tri!(crate::builtins::dict_merge_from(vm, d, k, false, f_));
                                Some(d)
                            }
                            None => None,
                        };
                        push!(f_);
                        let r = call::call_ex(vm, f_, args, kwargs);
                        pop!();
                        let r = tri!(r);
                        push!(r);
                    }
                    Op::RETURN_VALUE => {
                        let v = pop!();
                        fr.sp = depth!();
                        let back = fr.back;
                        vm.depth.set(vm.depth.get().saturating_sub(1));
                        if f == entry {
                            vm.frame.set(back);
                            frame::free_frame(vm, f);
                            return Ok(v);
                        }
                        frame::free_frame(vm, f);
                        f = back;
                        vm.frame.set(f);
                        // SAFETY: the caller frame is live; push the result.
                        unsafe {
                            let cs = Frame::stack(f).add((*f).sp);
                            *cs = Some(v);
                            (*f).sp += 1;
                        }
                        continue 'frame;
                    }
                    Op::YIELD_VALUE => {
                        let v = pop!();
                        save!();
                        fr.yielded = true;
                        vm.frame.set(fr.back);
                        vm.depth.set(vm.depth.get().saturating_sub(1));
                        return Ok(v);
                    }
                    Op::MAKE_FUNCTION => {
                        let code_obj = pop!();
                        let closure = if arg & 8 != 0 { Some(pop!()) } else { None };
                        let ann = if arg & 4 != 0 { Some(pop!()) } else { None };
                        let kwd = if arg & 2 != 0 { Some(pop!()) } else { None };
                        let defs = if arg & 1 != 0 { Some(pop!()) } else { None };
                        let fo = tri!(func::new_function(vm, code_obj, fr.globals, closure));
                        if let Some(fx) = fo.downcast::<FunctionObj>() {
                            fx.defaults
                                .set(defs.filter(|d| !tuple::tuple_items(*d).is_empty()));
                            fx.kwdefaults.set(kwd);
                            fx.annotations.set(ann);
                        }
                        push!(fo);
                    }
                    Op::UNARY_POSITIVE | Op::UNARY_NEGATIVE | Op::UNARY_INVERT => {
                        let o = pop!();
                        let uop = match op {
                            Op::UNARY_POSITIVE => UnOp::Pos,
                            Op::UNARY_NEGATIVE => UnOp::Neg,
                            _ => UnOp::Invert,
                        };
                        if let Some(x) = o.as_small() {
                            let r = match uop {
                                UnOp::Pos => Some(x),
                                UnOp::Neg => x.checked_neg(),
                                UnOp::Invert => Some(!x),
                            };
                            if let Some(r) = r.and_then(|r| Obj::try_small(r as i64)) {
                                push!(r);
                                continue;
                            }
                        }
                        let r = tri!(abs::unary_op(vm, uop, o));
                        push!(r);
                    }
                    Op::UNARY_NOT => {
                        let o = pop!();
                        let b = tri!(abs::truthy(vm, o));
                        push!(py_bool(!b));
                    }
                    Op::BINARY_OP => {
                        let b = pop!();
                        let a = pop!();
                        if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
                            if let Some(r) = small_binop(arg, x, y) {
                                push!(r);
                                continue;
                            }
                        }
                        if let Some((x, y)) = float_operands(a, b) {
                            if let Some(v) = float_binop(arg, x, y) {
                                push!(tri!(crate::obj::float::new(vm, v)));
                                continue;
                            }
                        }
                        // `local += str` followed by its STORE_FAST: the
                        // result is stored here and owned by the local; a
                        // str the local already owns grows in place.
                        if arg == NB_INPLACE_ADD
                            && pystr::is_exact(a)
                            && pystr::is_exact(b)
                            && bytes.get(pc).copied() == Some(Op::STORE_FAST_DISOWN as u8)
                        {
                            let k = bytes.get(pc + 1).map_or(0, |&lo| lo as usize)
                                | bytes.get(pc + 2).map_or(0, |&hi| (hi as usize) << 8);
                            // SAFETY: k < nlocals (the verifier checked
                            // the STORE_FAST).
                            let slot = unsafe { &mut *fast.add(k) };
                            let epoch = vm.locals_read.get();
                            let mine = k == fr.owned as usize
                                && k != NO_OWNER as usize
                                && fr.owned_epoch == epoch
                                && slot.is_some_and(|v| v.is(a));
                            let (r, cap) = if mine {
                                tri!(pystr::append_owned(vm, a, b, fr.owned_cap))
                            } else {
                                tri!(pystr::concat_growable(vm, a, b))
                            };
                            *slot = Some(r);
                            fr.owned = k as u16;
                            fr.owned_epoch = epoch;
                            fr.owned_cap = cap;
                            pc += 3;
                            continue;
                        }
                        let Some((bop, inplace)) = BinOp::from_arg(arg as u16) else {
                            let _ = vm.new_error(&exc::SYSTEM_ERROR, "bad BINARY_OP");
                            break 'exec;
                        };
                        if inplace {
                            // The operand may have escaped to a dunder.
                            fr.owned = NO_OWNER;
                        }
                        let r = tri!(abs::binary_op(vm, bop, a, b, inplace));
                        push!(r);
                    }
                    Op::COMPARE_OP => {
                        let b = pop!();
                        let a = pop!();
                        let Some(cop) = CmpOp::from_arg(arg as u16) else {
                            let _ = vm.new_error(&exc::SYSTEM_ERROR, "bad COMPARE_OP");
                            break 'exec;
                        };
                        if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
                            push!(py_bool(cop.test(x.cmp(&y))));
                            continue;
                        }
                        // Ints compare exactly with floats: only ints that
                        // convert exactly take the fast path.
                        let exact = |o: Obj| {
                            o.as_small()
                                .is_none_or(|v| v.unsigned_abs() as u64 <= 1u64 << 53)
                        };
                        if let Some((x, y)) = float_operands(a, b).filter(|_| exact(a) && exact(b))
                        {
                            // (NaN compares unordered: only != holds.)
                            let r = match x.partial_cmp(&y) {
                                Some(o) => cop.test(o),
                                None => cop == CmpOp::Ne,
                            };
                            push!(py_bool(r));
                            continue;
                        }
                        let r = tri!(abs::rich_compare(vm, a, b, cop));
                        push!(r);
                    }
                    Op::IS_OP => {
                        let b = pop!();
                        let a = pop!();
                        push!(py_bool(a.is(b) != (arg != 0)));
                    }
                    Op::CONTAINS_OP => {
                        let b = pop!();
                        let a = pop!();
                        let r = tri!(abs::contains(vm, b, a));
                        push!(py_bool(r != (arg != 0)));
                    }
                    Op::BINARY_SUBSCR => {
                        let k = pop!();
                        let o = pop!();
                        if let Some(i) = k.as_small() {
                            if list::is_list(o) && o.ty().is(&list::LIST_TYPE) {
                                let n = list::len(o) as isize;
                                let j = if i < 0 { i + n } else { i };
                                if j >= 0 && j < n {
                                    push!(or_none(list::get(o, j as usize)));
                                    continue;
                                }
                            }
                        }
                        let r = tri!(abs::getitem(vm, o, k));
                        push!(r);
                    }
                    Op::STORE_SUBSCR => {
                        let k = pop!();
                        let o = pop!();
                        let v = pop!();
                        tri!(abs::setitem(vm, o, k, v));
                    }
                    Op::DELETE_SUBSCR => {
                        let k = pop!();
                        let o = pop!();
                        tri!(abs::delitem(vm, o, k));
                    }
                    Op::BUILD_TUPLE => {
                        let t = tri!(tuple::new(vm, slice!(arg)));
                        // SAFETY: the items are on the stack.
                        sp = unsafe { sp.sub(arg) };
                        push!(t);
                    }
                    Op::BUILD_LIST => {
                        let l = tri!(list::new(vm, slice!(arg)));
                        // SAFETY: the items are on the stack.
                        sp = unsafe { sp.sub(arg) };
                        push!(l);
                    }
                    Op::BUILD_SET => {
                        let s = tri!(crate::obj::set::new(vm, slice!(arg)));
                        // SAFETY: the items are on the stack.
                        sp = unsafe { sp.sub(arg) };
                        push!(s);
                    }
                    Op::BUILD_MAP => {
                        let d = tri!(dict::new(vm));
                        let items = slice!(2 * arg);
                        for i in 0..arg {
                            tri!(dict::set(vm, d, items[2 * i], items[2 * i + 1]));
                        }
                        // SAFETY: the items are on the stack.
                        sp = unsafe { sp.sub(2 * arg) };
                        push!(d);
                    }
                    Op::BUILD_CONST_KEY_MAP => {
                        let keys = pop!();
                        let d = tri!(dict::new(vm));
                        let vals = slice!(arg);
                        for (k, v) in tuple::tuple_items(keys).iter().zip(vals.iter()) {
                            tri!(dict::set(vm, d, *k, *v));
                        }
                        // SAFETY: the items are on the stack.
                        sp = unsafe { sp.sub(arg) };
                        push!(d);
                    }
                    Op::BUILD_STRING => {
                        let mut s = alloc::string::String::new();
                        for p in slice!(arg) {
                            s.push_str(pystr::as_str(*p).unwrap_or(""));
                        }
                        // SAFETY: the items are on the stack.
                        sp = unsafe { sp.sub(arg) };
                        let o = tri!(vm.new_string(s));
                        push!(o);
                    }
                    Op::BUILD_SLICE => {
                        let step = if arg == 3 { pop!() } else { none() };
                        let stop = pop!();
                        let start = pop!();
                        let s = tri!(crate::obj::slice::new(vm, start, stop, step));
                        push!(s);
                    }
                    Op::LIST_APPEND => {
                        let v = pop!();
                        let l = peek!(arg);
                        tri!(list::append(vm, l, v));
                    }
                    Op::SET_ADD => {
                        let v = pop!();
                        let s = peek!(arg);
                        tri!(crate::obj::set::add(vm, s, v));
                    }
                    Op::MAP_ADD => {
                        let v = pop!();
                        let k = pop!();
                        let d = peek!(arg);
                        tri!(dict::set(vm, d, k, v));
                    }
                    Op::LIST_EXTEND => {
                        let it = pop!();
                        let l = peek!(arg);
                        tri!(list_extend(vm, l, it));
                    }
                    Op::SET_UPDATE => {
                        let it = pop!();
                        let s = peek!(arg);
                        tri!(crate::obj::set::update(vm, s, it));
                    }
                    Op::DICT_UPDATE | Op::DICT_MERGE => {
                        let other = pop!();
                        let d = peek!(arg);
                        // For DICT_MERGE the callable is below the kwargs dict.
                        let fname = if op == Op::DICT_MERGE {
                            peek!(arg + 2)
                        } else {
                            none()
                        };
                        tri!(crate::builtins::dict_merge_from(
                            vm,
                            d,
                            other,
                            op == Op::DICT_MERGE,
                            fname
                        ));
                    }
                    Op::LIST_TO_TUPLE => {
                        let l = pop!();
                        let t = tri!(tuple::new(vm, &list::to_vec(l)));
                        push!(t);
                    }
                    Op::FORMAT_VALUE => {
                        let spec = if arg & 4 != 0 { Some(pop!()) } else { None };
                        let v = pop!();
                        let v = match arg & 3 {
                            1 => tri!(abs::str(vm, v)),
                            2 => tri!(abs::repr(vm, v)),
                            3 => tri!(crate::builtins::ascii_of(vm, v)),
                            _ => v,
                        };
                        let r = match spec {
                            Some(s) => tri!(abs::format(vm, v, s)),
                            None => {
                                if v.ty().is(&pystr::STR_TYPE) {
                                    v
                                } else {
                                    let e = tri!(vm.new_str(""));
                                    tri!(abs::format(vm, v, e))
                                }
                            }
                        };
                        push!(r);
                    }
                    Op::UNPACK_SEQUENCE => {
                        let seq = pop!();
                        // Exact tuples and lists of the right length: no
                        // copy of the items.
                        let ty = seq.ty();
                        let exact_tuple = core::ptr::eq(ty, &tuple::TUPLE_TYPE);
                        if exact_tuple || core::ptr::eq(ty, &list::LIST_TYPE) {
                            let items = if exact_tuple {
                                tuple::tuple_items(seq)
                            } else {
                                list::items(seq)
                            };
                            if items.len() == arg {
                                for x in items.iter().rev() {
                                    push!(*x);
                                }
                                continue;
                            }
                        }
                        let items = tri!(unpack(vm, seq, arg, None));
                        for x in items.iter().rev() {
                            push!(*x);
                        }
                    }
                    Op::UNPACK_EX => {
                        let seq = pop!();
                        let before = arg & 0xff;
                        let after = arg >> 8;
                        let items = tri!(unpack(vm, seq, before, Some(after)));
                        // items: before..., list, after...
                        for x in items.iter().rev() {
                            push!(*x);
                        }
                    }
                    Op::JUMP => {
                        if arg <= lasti && INTERRUPT.load(Ordering::Relaxed) {
                            INTERRUPT.store(false, Ordering::Relaxed);
                            let _ = vm.new_error(&exc::KEYBOARD_INTERRUPT, "");
                            break 'exec;
                        }
                        pc = arg;
                    }
                    Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE => {
                        let v = pop!();
                        let b = if v.is(true_obj()) {
                            true
                        } else if v.is(false_obj()) {
                            false
                        } else {
                            tri!(abs::truthy(vm, v))
                        };
                        if b == (op == Op::POP_JUMP_IF_TRUE) {
                            pc = arg;
                        }
                    }
                    Op::POP_JUMP_IF_NONE => {
                        if pop!().is_none() {
                            pc = arg;
                        }
                    }
                    Op::POP_JUMP_IF_NOT_NONE => {
                        if !pop!().is_none() {
                            pc = arg;
                        }
                    }
                    Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => {
                        let v = peek!(1);
                        let b = tri!(abs::truthy(vm, v));
                        if b == (op == Op::JUMP_IF_TRUE_OR_POP) {
                            pc = arg;
                        } else {
                            drop_top!();
                        }
                    }
                    Op::GET_ITER => {
                        let o = pop!();
                        let it = tri!(abs::iter(vm, o));
                        push!(it);
                    }
                    Op::FOR_ITER => {
                        let it = peek!(1);
                        let nx = if let Some(r) = crate::obj::iter::fast_next(it) {
                            r
                        } else {
                            tri!(abs::next(vm, it))
                        };
                        match nx {
                            Some(v) => push!(v),
                            None => {
                                drop_top!();
                                pc = arg;
                            }
                        }
                    }
                    Op::GET_YIELD_FROM_ITER => {
                        let o = peek!(1);
                        let is_gen = o.layout() == Layout::Generator;
                        if !is_gen {
                            let it = tri!(abs::iter(vm, o));
                            set_peek!(1, it);
                        } else if crate::obj::gen::is_coroutine(o)
                            && code.flags & (co::COROUTINE | co::ITERABLE_COROUTINE) == 0
                        {
                            let _ = vm.type_error("cannot 'yield from' a coroutine object in a non-coroutine generator");
                            break 'exec;
                        }
                    }
                    Op::SEND => {
                        let v = pop!();
                        let recv = peek!(1);
                        match tri!(crate::obj::gen::send_to(vm, recv, v)) {
                            crate::obj::gen::SendResult::Yield(y) => push!(y),
                            crate::obj::gen::SendResult::Return(r) => {
                                drop_top!();
                                push!(r);
                                pc = arg;
                            }
                        }
                    }
                    Op::GET_AWAITABLE => {
                        let o = pop!();
                        let a = tri!(crate::obj::gen::get_awaitable(vm, o, arg));
                        push!(a);
                    }
                    Op::GET_AITER => {
                        let o = pop!();
                        let a = tri!(crate::obj::gen::get_aiter(vm, o));
                        push!(a);
                    }
                    Op::GET_ANEXT => {
                        let o = peek!(1);
                        let a = tri!(crate::obj::gen::get_anext(vm, o));
                        push!(a);
                    }
                    Op::END_ASYNC_FOR => {
                        let e = pop!();
                        if e.ty().is_subtype(&exc::STOP_ASYNC_ITERATION) {
                            drop_top!();
                        } else {
                            vm.restore_exc(Some(e));
                            reraise = true;
                            break 'exec;
                        }
                    }
                    Op::ASYNC_GEN_WRAP => {
                        let v = pop!();
                        let w = tri!(crate::obj::gen::async_gen_wrap(vm, v));
                        push!(w);
                    }
                    Op::BEFORE_WITH | Op::BEFORE_ASYNC_WITH => {
                        let cm = pop!();
                        let (enter_n, exit_n) = if op == Op::BEFORE_WITH {
                            ("__enter__", "__exit__")
                        } else {
                            ("__aenter__", "__aexit__")
                        };
                        let t = cm.ty();
                        let enter = tri!(crate::obj::typeobj::lookup(vm, t, enter_n));
                        let exit = tri!(crate::obj::typeobj::lookup(vm, t, exit_n));
                        let (Some(enter), Some(exit)) = (enter, exit) else {
                            let what = if op == Op::BEFORE_WITH {
                                ""
                            } else {
                                "asynchronous "
                            };
                            let missing =
                                if tri!(crate::obj::typeobj::lookup(vm, t, enter_n)).is_none() {
                                    ""
                                } else {
                                    " (missed __exit__ method)"
                                };
                            let _ = vm.type_error(&format!(
                                "'{}' object does not support the {}context manager protocol{}",
                                t.name(),
                                what,
                                missing
                            ));
                            break 'exec;
                        };
                        let bexit = tri!(abs::bind(vm, exit, cm));
                        push!(bexit);
                        let benter = tri!(abs::bind(vm, enter, cm));
                        let r = tri!(call::call(vm, benter, &[]));
                        push!(r);
                    }
                    Op::WITH_EXCEPT_START => {
                        // [exit, lasti, prev_exc, exc]
                        let e = peek!(1);
                        let exit = peek!(4);
                        let tb = exc::exc_of(e)
                            .and_then(|x| x.traceback.get())
                            .unwrap_or(none());
                        let r = tri!(call::call(vm, exit, &[e.type_obj(), e, tb]));
                        push!(r);
                    }
                    Op::SETUP_FINALLY | Op::SETUP_CLEANUP | Op::SETUP_WITH => {
                        let d = depth!();
                        let (kind, depth) = match op {
                            Op::SETUP_FINALLY => (BLOCK_FINALLY, d),
                            Op::SETUP_CLEANUP => (BLOCK_CLEANUP, d),
                            _ => (BLOCK_WITH, d.saturating_sub(1)),
                        };
                        // SAFETY: nblocks < maxblocks (verified).
                        unsafe {
                            *Frame::blocks(f).add(fr.nblocks) = Block {
                                handler: arg as u32,
                                kind,
                                depth,
                            };
                        }
                        fr.nblocks += 1;
                    }
                    Op::POP_BLOCK => {
                        fr.nblocks = fr.nblocks.saturating_sub(1);
                    }
                    Op::PUSH_EXC_INFO => {
                        let e = pop!();
                        push!(or_none(vm.handled.get()));
                        vm.handled.set(Some(e));
                        push!(e);
                        fr.handlers = fr.handlers.saturating_add(1);
                    }
                    Op::POP_EXCEPT => {
                        let prev = pop!();
                        vm.handled
                            .set(if prev.is_none() { None } else { Some(prev) });
                        fr.handlers = fr.handlers.saturating_sub(1);
                    }
                    Op::CHECK_EXC_MATCH => {
                        let t = pop!();
                        let e = peek!(1);
                        if !tri!(check_exc_class(vm, t)) {
                            break 'exec;
                        }
                        let m = tri!(abs::is_instance(vm, e, t));
                        push!(py_bool(m));
                    }
                    Op::CHECK_EG_MATCH => {
                        let t = pop!();
                        let e = pop!();
                        let (rest, m) = tri!(crate::obj::excgroup::check_eg_match(vm, e, t));
                        push!(rest);
                        push!(m);
                        if !m.is_none() {
                            // The handler body sees the matched part.
                            vm.handled.set(Some(m));
                        }
                    }
                    Op::PREP_RERAISE_STAR => {
                        let raised = pop!();
                        let orig = pop!();
                        let r = tri!(crate::obj::excgroup::prep_reraise_star(vm, orig, raised));
                        push!(r);
                    }
                    Op::RERAISE | Op::RERAISE_LASTI => {
                        let e = pop!();
                        if op == Op::RERAISE_LASTI && arg > 0 {
                            // SAFETY: verified depth.
                            if let Some(l) = unsafe { *sp.sub(arg) }.and_then(|o| o.as_small()) {
                                lasti = l as usize;
                            }
                        }
                        vm.restore_exc(Some(e));
                        reraise = true;
                        break 'exec;
                    }
                    Op::RAISE_VARARGS => {
                        match arg {
                            0 => match vm.handled.get() {
                                Some(e) => {
                                    vm.restore_exc(Some(e));
                                    reraise = true;
                                }
                                None => {
                                    let _ = vm.runtime_error("No active exception to reraise");
                                }
                            },
                            1 => {
                                let v = pop!();
                                if let Ok(e) = exc::make_exception(vm, v) {
                                    vm.restore_exc(Some(e));
                                }
                            }
                            _ => {
                                let cause = pop!();
                                let v = pop!();
                                if let Ok(e) = exc::make_exception(vm, v) {
                                    let c = if cause.is_none() {
                                        Ok(None)
                                    } else {
                                        exc::make_exception(vm, cause).map(Some).map_err(|_| ())
                                    };
                                    match c {
                                        Ok(c) => {
                                            if let Some(x) = exc::exc_of(e) {
                                                x.cause.set(c);
                                                x.suppress_context.set(true);
                                            }
                                            vm.restore_exc(Some(e));
                                        }
                                        // An exception class whose construction
                                        // failed raises that failure.
                                        Err(_)
                                            if cause.as_type().is_some_and(|t| {
                                                t.is_subtype(&exc::BASE_EXCEPTION)
                                            }) => {}
                                        Err(_) => {
                                            vm.take_exc();
                                            let _ = vm.type_error(
                                                "exception causes must derive from BaseException",
                                            );
                                        }
                                    }
                                }
                            }
                        }
                        break 'exec;
                    }
                    Op::LOAD_ASSERTION_ERROR => push!(exc::ASSERTION_ERROR.as_obj()),
                    Op::LOAD_BUILD_CLASS => {
                        let b = tri!(load_global(
                            vm,
                            fr.globals,
                            fr.builtins,
                            tri!(vm.intern("__build_class__"))
                        ));
                        push!(b);
                    }
                    Op::SETUP_ANNOTATIONS => {
                        let ns = fr.locals.unwrap_or(fr.globals);
                        let k = tri!(vm.intern("__annotations__"));
                        if tri!(dict_or_map_get(vm, ns, k)).is_none() {
                            let d = tri!(dict::new(vm));
                            tri!(abs::setitem(vm, ns, k, d));
                        }
                    }
                    Op::PRINT_EXPR => {
                        let v = pop!();
                        tri!(crate::builtins::display_hook(vm, v));
                    }
                    Op::IMPORT_NAME => {
                        let fromlist = pop!();
                        let level = pop!();
                        save!();
                        let m = tri!(super::import::import_name(
                            vm, names[arg], fr.globals, fromlist, level
                        ));
                        push!(m);
                    }
                    Op::IMPORT_FROM => {
                        let m = peek!(1);
                        let v = tri!(super::import::import_from(vm, m, names[arg]));
                        push!(v);
                    }
                    Op::IMPORT_STAR => {
                        let m = pop!();
                        let ns = fr.locals.unwrap_or(fr.globals);
                        tri!(super::import::import_star(vm, m, ns));
                    }
                    // ---- pattern matching (helpers in vm/patma.rs)
                    Op::GET_LEN => {
                        let n = tri!(abs::len(vm, peek!(1)));
                        let r = tri!(crate::obj::int::new_i64(vm, n as i64));
                        push!(r);
                    }
                    Op::MATCH_MAPPING => {
                        let r = tri!(super::patma::is_mapping(vm, peek!(1)));
                        push!(py_bool(r));
                    }
                    Op::MATCH_SEQUENCE => {
                        let r = tri!(super::patma::is_sequence(vm, peek!(1)));
                        push!(py_bool(r));
                    }
                    Op::MATCH_KEYS => {
                        let r = tri!(super::patma::match_keys(vm, peek!(2), peek!(1)));
                        push!(r);
                    }
                    Op::MATCH_CLASS => {
                        let names = pop!();
                        let cls = pop!();
                        let subject = pop!();
                        let r = tri!(super::patma::match_class(vm, subject, cls, arg, names));
                        push!(or_none(r));
                    }
                }
            }
        }

        // ---- an exception is being raised in frame f
        pending_error = false;
        if vm.exc().is_none() {
            let _ = vm.new_error(&exc::SYSTEM_ERROR, "error return without exception set");
        }
        let Some(e) = vm.exc() else {
            return Err(vm.already_raised());
        };
        if !reraise {
            set_context(vm, e);
        }
        save!();
        if !reraise {
            add_traceback(vm, e, f);
        }
        reraise = false;
        loop {
            // SAFETY: f is live.
            let cur = unsafe { &mut *f };
            if cur.nblocks > 0 {
                cur.nblocks -= 1;
                // SAFETY: nblocks < maxblocks.
                let b = unsafe { *Frame::blocks(f).add(cur.nblocks) };
                let st = Frame::stack(f);
                // SAFETY: b.depth <= stacksize - pushed items (verified).
                unsafe {
                    let mut p = st.add(b.depth);
                    if b.kind == BLOCK_CLEANUP || b.kind == BLOCK_WITH {
                        *p = Some(Obj::small(cur.lasti as isize));
                        p = p.add(1);
                    }
                    *p = vm.take_exc();
                    p = p.add(1);
                    cur.sp = p.offset_from(st) as usize;
                }
                cur.pc = b.handler as usize;
                continue 'frame;
            }
            // No handler here: leave the frame.
            let back = cur.back;
            vm.depth.set(vm.depth.get().saturating_sub(1));
            if f == entry {
                vm.frame.set(back);
                frame::free_frame(vm, f);
                return Err(vm.already_raised());
            }
            frame::free_frame(vm, f);
            f = back;
            vm.frame.set(f);
            if let Some(e) = vm.exc() {
                add_traceback(vm, e, f);
            }
        }
    }
}

/// Both operands as f64 when each is an exact float or a small int and at
/// least one is a float (the fast path of float arithmetic; subclasses and
/// big ints take the general path).
#[inline]
fn float_operands(a: Obj, b: Obj) -> Option<(f64, f64)> {
    let fa = crate::obj::float::as_exact_float(a);
    let fb = crate::obj::float::as_exact_float(b);
    match (fa, fb) {
        (Some(x), Some(y)) => Some((x, y)),
        // Small ints convert exactly up to 2**53, and beyond that round to
        // nearest as CPython's int-to-float conversion does.
        (Some(x), None) => Some((x, b.as_small()? as f64)),
        (None, Some(y)) => Some((a.as_small()? as f64, y)),
        (None, None) => None,
    }
}

/// `x op y` for the float fast path: + - * and / by a non-zero divisor;
/// `None` sends everything else (errors included) to the general path.
#[inline]
fn float_binop(arg: usize, x: f64, y: f64) -> Option<f64> {
    let op = if arg >= 13 { arg - 13 } else { arg };
    match op {
        0 => Some(x + y),
        10 => Some(x - y),
        5 => Some(x * y),
        11 if y != 0.0 => Some(x / y),
        _ => None,
    }
}

#[inline(always)]
fn small_binop(arg: usize, x: isize, y: isize) -> Option<Obj> {
    let op = if arg >= 13 { arg - 13 } else { arg };
    let r: isize = match op {
        0 => x.checked_add(y)?,
        10 => x.checked_sub(y)?,
        5 => x.checked_mul(y)?,
        1 => x & y,
        7 => x | y,
        12 => x ^ y,
        2 => {
            if y == 0 {
                return None;
            }
            let q = x.checked_div(y)?;
            if (x % y != 0) && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        6 => {
            if y == 0 {
                return None;
            }
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        3 => {
            if !(0..32).contains(&y) {
                return None;
            }
            let r = x.checked_shl(y as u32)?;
            if (r >> y) != x {
                return None;
            }
            r
        }
        9 => {
            if y < 0 {
                return None;
            }
            x >> y.min(63)
        }
        _ => return None,
    };
    Obj::try_small(r as i64)
}

fn deref_name(code: &CodeObj, i: usize) -> Obj {
    let cells = tuple::tuple_items(code.cellvars);
    if i < cells.len() {
        cells[i]
    } else {
        tuple::tuple_items(code.freevars)
            .get(i - cells.len())
            .copied()
            .unwrap_or(none())
    }
}

#[cold]
fn free_var_error(vm: &Vm, code: &CodeObj, i: usize) {
    let n = pystr::as_str(deref_name(code, i)).unwrap_or("?");
    if i < code.ncells() {
        let _ = vm.new_error(
            &exc::UNBOUND_LOCAL_ERROR,
            &format!(
                "cannot access local variable '{}' where it is not associated with a value",
                n
            ),
        );
    } else {
        let _ = vm.new_error(
            &exc::NAME_ERROR,
            &format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", n),
        );
    }
}

#[cold]
fn name_error(vm: &Vm, name: Obj) {
    let n = pystr::as_str(name).unwrap_or("?");
    if let Ok(e) = vm
        .new_str(&format!("name '{}' is not defined", n))
        .and_then(|m| exc::new_exception_raw(vm, &exc::NAME_ERROR, &[m]))
    {
        if let Some(x) = exc::exc_of(e) {
            if let Some(d) = x.dict.get() {
                let _ = dict::set_str(vm, d, "name", name);
            }
        }
        vm.raise(e);
    }
}

#[inline]
fn load_global(vm: &Vm, globals: Obj, builtins: Obj, name: Obj) -> PyResult<Obj> {
    use super::GlobalHit as G;
    let slot = &vm.global_cache[(name.raw() / crate::gc::BLOCK) & (super::GLOBAL_CACHE - 1)];
    let hit = slot.get();
    if hit.name == name.raw() && hit.globals == globals.raw() {
        let found = match hit.kind {
            G::GLOBALS => dict::value_at(globals, hit.idx as usize, name),
            G::BUILTINS if hit.builtins == builtins.raw() && dict::version(globals) == hit.gver => {
                dict::value_at(builtins, hit.idx as usize, name)
            }
            G::STATIC
                if hit.builtins == builtins.raw()
                    && dict::version(globals) == hit.gver
                    && dict::version(builtins) == hit.bver =>
            {
                crate::builtins::lookup_static_cached(vm, name)
            }
            _ => None,
        };
        if let Some(v) = found {
            return Ok(v);
        }
    }
    let mut hit = G {
        name: name.raw(),
        globals: globals.raw(),
        builtins: builtins.raw(),
        gver: 0,
        bver: 0,
        idx: 0,
        kind: 0,
    };
    if let Some(i) = dict::find_index(vm, globals, name)? {
        if let Some(v) = dict::value_at(globals, i, name) {
            hit.kind = G::GLOBALS;
            hit.idx = i as u32;
            slot.set(hit);
            return Ok(v);
        }
    }
    if dict::is_dict(builtins) && builtins.ty().is(&dict::DICT_TYPE) {
        hit.gver = dict::version(globals);
        if let Some(i) = dict::find_index(vm, builtins, name)? {
            if let Some(v) = dict::value_at(builtins, i, name) {
                hit.kind = G::BUILTINS;
                hit.idx = i as u32;
                slot.set(hit);
                return Ok(v);
            }
        }
        if let Some(v) = crate::builtins::lookup_static_live(vm, name) {
            hit.kind = G::STATIC;
            hit.bver = dict::version(builtins);
            slot.set(hit);
            return Ok(v);
        }
    } else if dict::is_dict(builtins) {
        if let Some(v) = dict::get(vm, builtins, name)? {
            return Ok(v);
        }
    } else if builtins.layout() == Layout::Module {
        if let Some(v) = dict::get(vm, crate::obj::module::dict_of(builtins), name)? {
            return Ok(v);
        }
    }
    if let Some(v) = crate::builtins::lookup_static_live(vm, name) {
        return Ok(v);
    }
    name_error(vm, name);
    Err(vm.already_raised())
}

fn dict_or_map_get(vm: &Vm, ns: Obj, k: Obj) -> PyResult<Option<Obj>> {
    if dict::is_dict(ns) && ns.ty().is(&dict::DICT_TYPE) {
        return dict::get(vm, ns, k);
    }
    match abs::getitem(vm, ns, k) {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            if vm.exc_matches(&exc::KEY_ERROR) {
                vm.take_exc();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// `LOAD_METHOD`: `(function, Some(self))` when the attribute is a plain
/// method on the type (no bound-method allocation), else `(attr, None)`.
pub fn load_method(vm: &Vm, o: Obj, name: Obj) -> PyResult<(Obj, Option<Obj>)> {
    let t = o.ty();
    let generic = match t.slots.getattr {
        Some(g) => core::ptr::fn_addr_eq(
            g,
            crate::obj::typeobj::generic_getattr as crate::obj::GetattrFn,
        ),
        None => true,
    };
    if generic {
        if let Some(d) = crate::obj::typeobj::lookup_obj(vm, t, name)? {
            let is_method = match d.layout() {
                Layout::Function => true,
                Layout::Builtin => matches!(
                    d.downcast::<crate::obj::attr::BuiltinFunc>()
                        .map(|b| b.kind),
                    Some(crate::obj::attr::FnKind::Method)
                ),
                _ => false,
            };
            if is_method {
                // An instance attribute shadows the method.
                if let Some(slot) = crate::obj::typeobj::instance_dict_slot(o) {
                    if let Some(idict) = slot.get() {
                        if let Some(v) = dict::get(vm, idict, name)? {
                            return Ok((v, None));
                        }
                    }
                }
                return Ok((d, Some(o)));
            }
        }
    }
    Ok((abs::getattr(vm, o, name)?, None))
}

fn check_exc_class(vm: &Vm, t: Obj) -> PyResult<bool> {
    let ok = |o: Obj| o.as_type().map(exc::is_exception_type).unwrap_or(false);
    if ok(t) || (tuple::is_tuple(t) && tuple::tuple_items(t).iter().all(|x| ok(*x))) {
        return Ok(true);
    }
    let _ = vm.type_error("catching classes that do not inherit from BaseException is not allowed");
    Ok(false)
}

fn list_extend(vm: &Vm, l: Obj, it: Obj) -> PyResult<()> {
    if tuple::is_tuple(it) {
        for x in tuple::tuple_items(it) {
            list::append(vm, l, *x)?;
        }
        return Ok(());
    }
    let iter = match abs::iter(vm, it) {
        Ok(i) => i,
        Err(e) => {
            if vm.exc_matches(&exc::TYPE_ERROR)
                && it.ty().slots.iter.is_none()
                && it.ty().slots.getitem.is_none()
            {
                vm.take_exc();
                return Err(vm.type_error(&format!(
                    "Value after * must be an iterable, not {}",
                    it.ty().name()
                )));
            }
            return Err(e);
        }
    };
    while let Some(x) = abs::next(vm, iter)? {
        list::append(vm, l, x)?;
    }
    Ok(())
}

/// Unpack `seq` into exactly `n` items, or (with `after`) into `n` items, a
/// list of the middle, and `after` items. Returned in order.
fn unpack(vm: &Vm, seq: Obj, n: usize, after: Option<usize>) -> PyResult<alloc::vec::Vec<Obj>> {
    // A subclass with its own `__iter__` is iterated.
    let own_iter =
        !seq.ty().is_heap() || !crate::obj::typeobj::class_defines(vm, seq.ty(), "__iter__");
    let items: alloc::vec::Vec<Obj> = if tuple::is_tuple(seq) && own_iter {
        tuple::tuple_items(seq).to_vec()
    } else if list::is_list(seq) && own_iter {
        list::to_vec(seq)
    } else {
        let it = match abs::iter(vm, seq) {
            Ok(it) => it,
            Err(e) => {
                if vm.exc_matches(&exc::TYPE_ERROR) {
                    vm.take_exc();
                    return Err(vm.type_error(&format!(
                        "cannot unpack non-iterable {} object",
                        seq.ty().name()
                    )));
                }
                return Err(e);
            }
        };
        let mut v = alloc::vec::Vec::new();
        let keep = list::new(vm, &[])?;
        while let Some(x) = abs::next(vm, it)? {
            list::append(vm, keep, x)?;
            v.push(x);
            if after.is_none() && v.len() > n {
                return Err(vm.value_error(&format!("too many values to unpack (expected {})", n)));
            }
        }
        core::hint::black_box(keep);
        v
    };
    match after {
        None => {
            if items.len() < n {
                return Err(vm.value_error(&format!(
                    "not enough values to unpack (expected {}, got {})",
                    n,
                    items.len()
                )));
            }
            if items.len() > n {
                return Err(vm.value_error(&format!("too many values to unpack (expected {})", n)));
            }
            Ok(items)
        }
        Some(a) => {
            if items.len() < n + a {
                return Err(vm.value_error(&format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    n + a,
                    items.len()
                )));
            }
            let mut out = alloc::vec::Vec::with_capacity(n + a + 1);
            out.extend_from_slice(&items[..n]);
            let mid = list::new(vm, &items[n..items.len() - a])?;
            out.push(mid);
            out.extend_from_slice(&items[items.len() - a..]);
            Ok(out)
        }
    }
}
