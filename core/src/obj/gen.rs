//! Generators, coroutines and async generators: a heap frame that the eval
//! loop suspends at `YIELD_VALUE` and resumes on `send`/`throw`.
#![allow(unsafe_code)]

use super::attr::AttrEntry;
use super::func::{CodeObj, FunctionObj};
use super::{exc, none, str as pystr, Args, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj};
use crate::bytecode::co;
use crate::vm::frame::Frame;
use crate::vm::{abs, call, eval, PyResult, Vm};
use crate::{getset, method};
use alloc::format;
use core::cell::Cell;

pub const KIND_GEN: u8 = 0;
pub const KIND_CORO: u8 = 1;
pub const KIND_ASYNC_GEN: u8 = 2;

const CREATED: u8 = 0;
const SUSPENDED: u8 = 1;
const RUNNING: u8 = 2;
const CLOSED: u8 = 3;

#[repr(C)]
pub struct GenObj {
    pub head: ObjHead,
    pub frame: Cell<*mut Frame>,
    pub code: Obj,
    pub name: Cell<Obj>,
    pub qualname: Cell<Obj>,
    pub state: Cell<u8>,
    pub kind: u8,
    /// Async generators: an `aclose()`/`athrow()` is running.
    pub closing: Cell<bool>,
    /// The exception the generator is handling while suspended inside an
    /// `except` block (its own `sys.exc_info()` state).
    pub exc_state: Cell<Option<Obj>>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for GenObj {
    const LAYOUT: Layout = Layout::Generator;
}

/// Wrapper marking a value yielded by an async generator (vs. awaited).
#[repr(C)]
pub struct WrappedObj {
    pub head: ObjHead,
    pub value: Obj,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for WrappedObj {
    const LAYOUT: Layout = Layout::Other;
}

/// The generator-like object for a frame of generator/coroutine code.
pub fn new_generator(vm: &Vm, f: *mut Frame, func: Obj) -> PyResult<Obj> {
    // SAFETY: callers pass a Function.
    let fo = unsafe { func.cast::<FunctionObj>() };
    let code: &CodeObj = fo.code();
    let (kind, ty): (u8, &'static TypeObj) = if code.flags & co::COROUTINE != 0 {
        (KIND_CORO, &COROUTINE_TYPE)
    } else if code.flags & co::ASYNC_GENERATOR != 0 {
        (KIND_ASYNC_GEN, &ASYNC_GENERATOR_TYPE)
    } else {
        (KIND_GEN, &GENERATOR_TYPE)
    };
    let g = vm.alloc_obj(GenObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty,
        },
        frame: Cell::new(f),
        code: fo.code.get(),
        name: Cell::new(fo.name.get()),
        qualname: Cell::new(fo.qualname.get()),
        state: Cell::new(CREATED),
        kind,
        closing: Cell::new(false),
        exc_state: Cell::new(None),
    })?;
    // SAFETY: f is the generator's own heap frame.
    unsafe { (*f).gen = Some(g) };
    Ok(g)
}

fn g_of(vm: &Vm, o: Obj) -> PyResult<&'static GenObj> {
    o.downcast::<GenObj>()
        .ok_or_else(|| vm.type_error("generator expected"))
}

pub fn is_coroutine(o: Obj) -> bool {
    o.downcast::<GenObj>()
        .map(|g| g.kind == KIND_CORO)
        .unwrap_or(false)
}

/// Result of sending into a generator-like object.
pub enum SendResult {
    Yield(Obj),
    Return(Obj),
}

fn kind_name(g: &GenObj) -> &'static str {
    match g.kind {
        KIND_CORO => "coroutine",
        KIND_ASYNC_GEN => "async generator",
        _ => "generator",
    }
}

/// Resume `g` with `value` (or by raising the VM's pending exception when
/// `throw` is set).
pub fn resume(vm: &Vm, go: Obj, value: Obj, throw: bool) -> PyResult<SendResult> {
    let g = g_of(vm, go)?;
    match g.state.get() {
        RUNNING => {
            if throw {
                vm.take_exc();
            }
            return Err(vm.value_error(&format!("{} already executing", kind_name(g))));
        }
        CLOSED => {
            if throw {
                return Err(vm.already_raised());
            }
            if g.kind == KIND_CORO {
                return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
            }
            return Ok(SendResult::Return(none()));
        }
        CREATED if !throw && !value.is_none() => {
            return Err(vm.type_error(&format!(
                "can't send non-None value to a just-started {}",
                kind_name(g)
            )));
        }
        _ => {}
    }
    let f = g.frame.get();
    if g.state.get() == SUSPENDED && !throw {
        // SAFETY: the suspended frame has room for the sent value (the
        // YIELD_VALUE popped one item).
        unsafe {
            *Frame::stack(f).add((*f).sp) = Some(value);
            (*f).sp += 1;
        }
    }
    if g.state.get() == CREATED && throw {
        // Throwing into a just-created generator raises at its start.
    }
    g.state.set(RUNNING);
    // The generator sees its own handled exception, else the caller's.
    let outer = vm.handled.get();
    if let Some(own) = g.exc_state.take() {
        vm.handled.set(Some(own));
    }
    let r = if throw {
        eval::run_frame_throw(vm, f)
    } else {
        eval::run_frame(vm, f)
    };
    // Suspended inside one of its own handlers: that exception is the
    // generator's state (even when it is the caller's exception object,
    // thrown in from an `except` block). Otherwise it has none.
    // SAFETY: the frame is still ours.
    let in_handler = unsafe { (*f).handlers } > 0;
    g.exc_state
        .set(if in_handler { vm.handled.get() } else { None });
    vm.handled.set(outer);
    match r {
        Ok(v) => {
            // SAFETY: the frame is still ours.
            if unsafe { (*f).yielded } {
                g.state.set(SUSPENDED);
                Ok(SendResult::Yield(v))
            } else {
                g.state.set(CLOSED);
                Ok(SendResult::Return(v))
            }
        }
        Err(e) => {
            g.state.set(CLOSED);
            // PEP 479: StopIteration escaping a generator becomes RuntimeError.
            let stop = if g.kind == KIND_ASYNC_GEN {
                vm.exc_matches(&exc::STOP_ITERATION) || vm.exc_matches(&exc::STOP_ASYNC_ITERATION)
            } else {
                vm.exc_matches(&exc::STOP_ITERATION)
            };
            if stop {
                let inner = vm.take_exc();
                let which = if vm_exc_is_async(inner) {
                    "StopAsyncIteration"
                } else {
                    "StopIteration"
                };
                let _ = vm.runtime_error(&format!("{} raised {}", kind_name(g), which));
                if let (Some(outer), Some(i)) = (vm.exc(), inner) {
                    if let Some(x) = exc::exc_of(outer) {
                        x.cause.set(Some(i));
                        x.context.set(Some(i));
                        x.suppress_context.set(true);
                    }
                }
                return Err(vm.already_raised());
            }
            Err(e)
        }
    }
}

fn vm_exc_is_async(e: Option<Obj>) -> bool {
    e.map(|e| e.ty().is_subtype(&exc::STOP_ASYNC_ITERATION))
        .unwrap_or(false)
}

/// The receiver a suspended generator is delegating to (`yield from` /
/// `await`), if any: the frame is suspended right after a YIELD_VALUE that
/// is followed by a JUMP back to a SEND.
fn yield_from_target(g: &GenObj) -> Option<Obj> {
    if g.state.get() != SUSPENDED {
        return None;
    }
    let f = g.frame.get();
    // SAFETY: suspended frame of this generator.
    let fr = unsafe { &*f };
    let bytes = fr.code().bytes();
    let (op, arg, _) = crate::bytecode::decode(bytes, fr.pc)?;
    if op != crate::bytecode::Op::JUMP {
        return None;
    }
    let (op2, _, _) = crate::bytecode::decode(bytes, arg as usize)?;
    if op2 != crate::bytecode::Op::SEND || fr.sp == 0 {
        return None;
    }
    // SAFETY: sp > 0.
    unsafe { *Frame::stack(f).add(fr.sp - 1) }
}

/// The SEND target of a delegating frame (where `yield from` continues).
fn send_exit(g: &GenObj) -> Option<usize> {
    let f = g.frame.get();
    // SAFETY: suspended frame.
    let fr = unsafe { &*f };
    let bytes = fr.code().bytes();
    let (_, arg, _) = crate::bytecode::decode(bytes, fr.pc)?;
    let (_, send_arg, _) = crate::bytecode::decode(bytes, arg as usize)?;
    Some(send_arg as usize)
}

/// `gen.throw(exc)`, delegating to a `yield from` target first.
pub fn throw(vm: &Vm, go: Obj, e: Obj) -> PyResult<SendResult> {
    let g = g_of(vm, go)?;
    if let Some(sub) = yield_from_target(g) {
        let is_exit = e.ty().is_subtype(&exc::GENERATOR_EXIT);
        g.state.set(RUNNING);
        let r: PyResult<SendResult> = if is_exit {
            close_obj(vm, sub).map(|_| SendResult::Return(none()))
        } else if sub.layout() == Layout::Generator {
            throw(vm, sub, e)
        } else {
            match abs::getattr_opt_str(vm, sub, "throw")? {
                Some(t) => match call::call(vm, t, &[e]) {
                    Ok(v) => Ok(SendResult::Yield(v)),
                    Err(x) => Err(x),
                },
                None => {
                    g.state.set(SUSPENDED);
                    return throw_into(vm, go, e);
                }
            }
        };
        g.state.set(SUSPENDED);
        match r {
            Ok(SendResult::Yield(v)) if !is_exit => return Ok(SendResult::Yield(v)),
            Ok(SendResult::Return(v)) if !is_exit => {
                // The sub-iterator finished: continue after the yield from.
                let f = g.frame.get();
                if let Some(exit) = send_exit(g) {
                    // SAFETY: pop the receiver, jump to SEND's exit.
                    unsafe {
                        (*f).sp -= 1;
                        (*f).pc = exit;
                    }
                }
                return resume(vm, go, v, false);
            }
            Ok(_) => {}
            Err(_) => {
                // Raise the sub-iterator's exception in our frame.
                let f = g.frame.get();
                // SAFETY: pop the receiver.
                unsafe { (*f).sp -= 1 };
                if vm.exc_matches(&exc::STOP_ITERATION) {
                    let se = vm.take_exc();
                    let v = se.and_then(|s| stop_value(vm, s)).unwrap_or(none());
                    if let Some(exit) = send_exit(g) {
                        // SAFETY: jump to SEND's exit with the value.
                        unsafe { (*f).pc = exit };
                    }
                    return resume(vm, go, v, false);
                }
                let ex = vm.take_exc().unwrap_or(e);
                return throw_into(vm, go, ex);
            }
        }
    }
    throw_into(vm, go, e)
}

fn throw_into(vm: &Vm, go: Obj, e: Obj) -> PyResult<SendResult> {
    vm.restore_exc(Some(e));
    let g = g_of(vm, go)?;
    if g.state.get() == CREATED {
        g.state.set(CLOSED);
        let f = g.frame.get();
        // Add the generator's frame to the traceback as CPython does.
        let _ = f;
        return Err(vm.already_raised());
    }
    resume(vm, go, none(), true)
}

fn stop_value(vm: &Vm, e: Obj) -> Option<Obj> {
    let x = exc::exc_of(e)?;
    let d = x.dict.get()?;
    super::dict::get_str(vm, d, "value").ok().flatten()
}

/// Make an exception object from `throw()`'s arguments.
fn throw_args(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "throw", 2, 4)?;
    let typ = args.pos[1];
    let val = args.pos.get(2).copied().filter(|v| !v.is_none());
    if let Some(t) = typ.as_type() {
        if !exc::is_exception_type(t) {
            return Err(vm.type_error(
                "exceptions must be classes or instances deriving from BaseException, not type",
            ));
        }
        return match val {
            Some(v) if v.ty().is_subtype(t) => Ok(v),
            Some(v) => call::call(vm, typ, &[v]),
            None => call::call(vm, typ, &[]),
        };
    }
    if exc::is_exception(typ) {
        if val.is_some() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        return Ok(typ);
    }
    Err(vm.type_error(&format!(
        "exceptions must be classes or instances deriving from BaseException, not {}",
        typ.ty().name()
    )))
}

fn close_obj(vm: &Vm, o: Obj) -> PyResult<()> {
    if o.layout() == Layout::Generator {
        return close(vm, o);
    }
    if let Some(c) = abs::getattr_opt_str(vm, o, "close")? {
        call::call(vm, c, &[])?;
    }
    Ok(())
}

/// `gen.close()`.
pub fn close(vm: &Vm, go: Obj) -> PyResult<()> {
    let g = g_of(vm, go)?;
    match g.state.get() {
        CLOSED => return Ok(()),
        CREATED => {
            g.state.set(CLOSED);
            return Ok(());
        }
        _ => {}
    }
    let e = exc::new_exception_raw(vm, &exc::GENERATOR_EXIT, &[])?;
    match throw(vm, go, e) {
        Ok(SendResult::Yield(_)) => {
            Err(vm.runtime_error(&format!("{} ignored GeneratorExit", kind_name(g))))
        }
        Ok(SendResult::Return(_)) => Ok(()),
        Err(err) => {
            if vm.exc_matches(&exc::GENERATOR_EXIT) || vm.exc_matches(&exc::STOP_ITERATION) {
                vm.take_exc();
                Ok(())
            } else {
                Err(err)
            }
        }
    }
}

/// SEND: drive any receiver of `yield from`/`await`.
pub fn send_to(vm: &Vm, recv: Obj, v: Obj) -> PyResult<SendResult> {
    if recv.layout() == Layout::Generator {
        return resume(vm, recv, v, false);
    }
    if v.is_none() {
        if let Some(nx) = recv.ty().slots.iternext {
            return match nx(vm, recv) {
                Ok(Some(y)) => Ok(SendResult::Yield(y)),
                Ok(None) => Ok(SendResult::Return(none())),
                Err(e) => {
                    if vm.exc_matches(&exc::STOP_ITERATION) {
                        let se = vm.take_exc();
                        Ok(SendResult::Return(
                            se.and_then(|s| stop_value(vm, s)).unwrap_or(none()),
                        ))
                    } else {
                        Err(e)
                    }
                }
            };
        }
    }
    let send = abs::getattr_str(vm, recv, "send")?;
    match call::call(vm, send, &[v]) {
        Ok(y) => Ok(SendResult::Yield(y)),
        Err(e) => {
            if vm.exc_matches(&exc::STOP_ITERATION) {
                let se = vm.take_exc();
                Ok(SendResult::Return(
                    se.and_then(|s| stop_value(vm, s)).unwrap_or(none()),
                ))
            } else {
                Err(e)
            }
        }
    }
}

fn stop_with(vm: &Vm, v: Obj) -> crate::vm::Raised {
    if v.is_none() {
        return vm.stop_iteration();
    }
    match exc::new_exception_raw(vm, &exc::STOP_ITERATION, &[v]) {
        Ok(e) => vm.raise(e),
        Err(r) => r,
    }
}

fn m_send(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "send", 2, 2)?;
    match resume(vm, args.pos[0], args.pos[1], false)? {
        SendResult::Yield(y) => Ok(y),
        SendResult::Return(r) => Err(stop_with(vm, r)),
    }
}
fn m_throw(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let e = throw_args(vm, args)?;
    if args.pos.len() > 3 && !args.pos[3].is_none() {
        if let Some(x) = exc::exc_of(e) {
            x.traceback.set(Some(args.pos[3]));
        }
    }
    match throw(vm, args.pos[0], e)? {
        SendResult::Yield(y) => Ok(y),
        SendResult::Return(r) => Err(stop_with(vm, r)),
    }
}
fn m_close(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "close", 1, 1)?;
    close(vm, args.pos[0])?;
    Ok(none())
}
fn m_next(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__next__", 1, 1)?;
    match resume(vm, args.pos[0], none(), false)? {
        SendResult::Yield(y) => Ok(y),
        SendResult::Return(r) => Err(stop_with(vm, r)),
    }
}
fn gen_iter(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(o)
}
fn gen_iternext(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    match resume(vm, o, none(), false)? {
        SendResult::Yield(y) => Ok(Some(y)),
        SendResult::Return(r) => {
            if r.is_none() {
                Ok(None)
            } else {
                Err(stop_with(vm, r))
            }
        }
    }
}
fn gen_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let g = g_of(vm, o)?;
    let kind = match g.kind {
        KIND_CORO => "coroutine",
        KIND_ASYNC_GEN => "async_generator",
        _ => "generator",
    };
    vm.new_string(format!(
        "<{} object {} at {:#x}>",
        kind,
        pystr::as_str(g.qualname.get()).unwrap_or("?"),
        o.raw()
    ))
}
fn g_name(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(g_of(vm, o)?.name.get())
}
fn g_set_name(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let v = v
        .filter(|v| pystr::is_str(*v))
        .ok_or_else(|| vm.type_error("__name__ must be set to a string object"))?;
    g_of(vm, o)?.name.set(v);
    Ok(())
}
fn g_qualname(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(g_of(vm, o)?.qualname.get())
}
fn g_set_qualname(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let v = v
        .filter(|v| pystr::is_str(*v))
        .ok_or_else(|| vm.type_error("__qualname__ must be set to a string object"))?;
    g_of(vm, o)?.qualname.set(v);
    Ok(())
}
fn g_running(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(super::py_bool(g_of(vm, o)?.state.get() == RUNNING))
}
fn g_suspended(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(super::py_bool(g_of(vm, o)?.state.get() == SUSPENDED))
}
fn g_code(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(g_of(vm, o)?.code)
}
fn g_frame(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let g = g_of(vm, o)?;
    if g.state.get() == CLOSED {
        return Ok(none());
    }
    // SAFETY: the generator's frame is alive until it is closed.
    let fr = unsafe { &*g.frame.get() };
    super::frameobj::new(vm, g.code, fr.globals, fr.line())
}
fn g_yieldfrom(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(yield_from_target(g_of(vm, o)?).unwrap_or(none()))
}

static GEN_ATTRS: [AttrEntry; 12] = [
    method!("send", m_send),
    method!("throw", m_throw),
    method!("close", m_close),
    method!("__next__", m_next),
    getset!("__name__", g_name, g_set_name),
    getset!("__qualname__", g_qualname, g_set_qualname),
    getset!("gi_running", g_running),
    getset!("gi_suspended", g_suspended),
    getset!("gi_code", g_code),
    getset!("gi_frame", g_frame),
    getset!("gi_yieldfrom", g_yieldfrom),
    method!("__iter__", m_iter),
];
fn m_iter(_vm: &Vm, args: &Args) -> PyResult<Obj> {
    Ok(args.pos.first().copied().unwrap_or(none()))
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static GENERATOR_TYPE: TypeObj = TypeObj::builtin(
    "generator",
    Layout::Generator,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        iter: Some(gen_iter),
        iternext: Some(gen_iternext),
        repr: Some(gen_repr),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &GEN_ATTRS,
    core::mem::size_of::<GenObj>(),
    0,
);

// -------------------------------------------------------------- coroutines

fn m_await(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__await__", 1, 1)?;
    // The coroutine is its own iterator for `await`.
    Ok(args.pos[0])
}

static CORO_ATTRS: [AttrEntry; 11] = [
    method!("send", m_send),
    method!("throw", m_throw),
    method!("close", m_close),
    method!("__await__", m_await),
    getset!("__name__", g_name, g_set_name),
    getset!("__qualname__", g_qualname, g_set_qualname),
    getset!("cr_running", g_running),
    getset!("cr_suspended", g_suspended),
    getset!("cr_code", g_code),
    getset!("cr_frame", g_frame),
    getset!("cr_await", g_yieldfrom),
];

fn coro_iternext(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    gen_iternext(vm, o)
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static COROUTINE_TYPE: TypeObj = TypeObj::builtin(
    "coroutine",
    Layout::Generator,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        iternext: Some(coro_iternext),
        repr: Some(gen_repr),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &CORO_ATTRS,
    core::mem::size_of::<GenObj>(),
    0,
);

/// GET_AWAITABLE: the iterator `await o` drives.
pub fn get_awaitable(vm: &Vm, o: Obj, where_: usize) -> PyResult<Obj> {
    if let Some(g) = o.downcast::<GenObj>() {
        if g.kind == KIND_CORO {
            if yield_from_target(g).is_some() || g.state.get() == RUNNING {
                return Err(vm.runtime_error("coroutine is being awaited already"));
            }
            return Ok(o);
        }
        if g.kind == KIND_GEN {
            // SAFETY: code object of the generator.
            let flags = unsafe { g.code.cast::<CodeObj>() }.flags;
            if flags & co::ITERABLE_COROUTINE != 0 {
                return Ok(o);
            }
        }
    }
    match abs::call_dunder(vm, o, "__await__", &[])? {
        Some(it) => {
            if it.layout() == Layout::Generator && is_coroutine(it) {
                return Err(vm.type_error("__await__() returned a coroutine"));
            }
            if it.ty().slots.iternext.is_none() {
                return Err(vm.type_error(&format!(
                    "__await__() returned non-iterator of type '{}'",
                    it.ty().name()
                )));
            }
            Ok(it)
        }
        None => {
            let msg = match where_ {
                1 => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {}",
                    o.ty().name()
                ),
                2 => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {}",
                    o.ty().name()
                ),
                _ => format!("object {} can't be used in 'await' expression", o.ty().name()),
            };
            Err(vm.type_error(&msg))
        }
    }
}

// ------------------------------------------------------- async generators

/// ASYNC_GEN_WRAP.
pub fn async_gen_wrap(vm: &Vm, v: Obj) -> PyResult<Obj> {
    vm.alloc_obj(WrappedObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &WRAPPED_TYPE,
        },
        value: v,
    })
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
static WRAPPED_TYPE: TypeObj = TypeObj::builtin(
    "async_generator_wrapped_value",
    Layout::Other,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots::EMPTY,
    &[],
    core::mem::size_of::<WrappedObj>(),
    0,
);

/// The awaitable returned by `agen.__anext__()`/`asend()`/`athrow()`/`aclose()`.
#[repr(C)]
pub struct ASendObj {
    pub head: ObjHead,
    pub gen: Obj,
    /// Value to send first (asend) — None for __anext__.
    pub value: Cell<Obj>,
    /// Exception to throw first (athrow/aclose), or None.
    pub throw: Cell<Option<Obj>>,
    pub started: Cell<bool>,
    pub done: Cell<bool>,
    pub is_close: bool,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for ASendObj {
    const LAYOUT: Layout = Layout::Iter;
}

fn new_asend(vm: &Vm, gen: Obj, value: Obj, throw: Option<Obj>, is_close: bool) -> PyResult<Obj> {
    vm.alloc_obj(ASendObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &ASEND_TYPE,
        },
        gen,
        value: Cell::new(value),
        throw: Cell::new(throw),
        started: Cell::new(false),
        done: Cell::new(false),
        is_close,
    })
}

/// Drive the async generator one step for the awaitable `a`.
fn asend_step(vm: &Vm, ao: Obj, sent: Obj, thrown: Option<Obj>) -> PyResult<Obj> {
    // SAFETY: only called with ASend objects.
    let a = unsafe { ao.cast::<ASendObj>() };
    if a.done.get() {
        return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let g = a.gen;
    let r = if !a.started.get() {
        a.started.set(true);
        match a.throw.take() {
            Some(e) => throw(vm, g, e),
            None => resume(
                vm,
                g,
                if sent.is_none() { a.value.get() } else { sent },
                false,
            ),
        }
    } else {
        match thrown {
            Some(e) => throw(vm, g, e),
            None => resume(vm, g, sent, false),
        }
    };
    match r {
        Ok(SendResult::Yield(y)) => {
            if let Some(w) = y.downcast::<WrappedObj>() {
                if WRAPPED_TYPE.is(y.ty()) {
                    a.done.set(true);
                    if a.is_close {
                        return Err(vm.runtime_error("async generator ignored GeneratorExit"));
                    }
                    return Err(stop_with(vm, w.value));
                }
            }
            Ok(y)
        }
        Ok(SendResult::Return(_)) => {
            a.done.set(true);
            if a.is_close {
                return Err(vm.stop_iteration());
            }
            Err(vm.new_error(&exc::STOP_ASYNC_ITERATION, ""))
        }
        Err(e) => {
            a.done.set(true);
            if a.is_close
                && (vm.exc_matches(&exc::GENERATOR_EXIT)
                    || vm.exc_matches(&exc::STOP_ASYNC_ITERATION))
            {
                vm.take_exc();
                return Err(vm.stop_iteration());
            }
            Err(e)
        }
    }
}

fn asend_m_send(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "send", 2, 2)?;
    asend_step(vm, args.pos[0], args.pos[1], None)
}
fn asend_m_throw(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let e = throw_args(vm, args)?;
    asend_step(vm, args.pos[0], none(), Some(e))
}
fn asend_m_close(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "close", 1, 1)?;
    // SAFETY: ASend layout (method table of ASEND_TYPE).
    unsafe { args.pos[0].cast::<ASendObj>() }.done.set(true);
    Ok(none())
}
fn asend_iternext(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    match asend_step(vm, o, none(), None) {
        Ok(v) => Ok(Some(v)),
        Err(e) => Err(e),
    }
}
fn asend_m_next(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__next__", 1, 1)?;
    asend_step(vm, args.pos[0], none(), None)
}

static ASEND_ATTRS: [AttrEntry; 6] = [
    method!("send", asend_m_send),
    method!("throw", asend_m_throw),
    method!("close", asend_m_close),
    method!("__next__", asend_m_next),
    method!("__await__", m_iter),
    method!("__iter__", m_iter),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static ASEND_TYPE: TypeObj = TypeObj::builtin(
    "async_generator_asend",
    Layout::Iter,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        iter: Some(gen_iter),
        iternext: Some(asend_iternext),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &ASEND_ATTRS,
    core::mem::size_of::<ASendObj>(),
    0,
);

fn ag_anext(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__anext__", 1, 1)?;
    new_asend(vm, args.pos[0], none(), None, false)
}
fn ag_asend(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "asend", 2, 2)?;
    new_asend(vm, args.pos[0], args.pos[1], None, false)
}
fn ag_athrow(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let e = throw_args(vm, args)?;
    new_asend(vm, args.pos[0], none(), Some(e), false)
}
fn ag_aclose(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "aclose", 1, 1)?;
    let g = g_of(vm, args.pos[0])?;
    if g.state.get() == CREATED || g.state.get() == CLOSED {
        g.state.set(CLOSED);
        // An awaitable that finishes at once.
        let a = new_asend(vm, args.pos[0], none(), None, true)?;
        // SAFETY: fresh ASend object.
        unsafe { a.cast::<ASendObj>() }.started.set(true);
        return Ok(a);
    }
    let e = exc::new_exception_raw(vm, &exc::GENERATOR_EXIT, &[])?;
    new_asend(vm, args.pos[0], none(), Some(e), true)
}
fn ag_aiter(_vm: &Vm, args: &Args) -> PyResult<Obj> {
    Ok(args.pos.first().copied().unwrap_or(none()))
}

static AGEN_ATTRS: [AttrEntry; 11] = [
    method!("__anext__", ag_anext),
    method!("__aiter__", ag_aiter),
    method!("asend", ag_asend),
    method!("athrow", ag_athrow),
    method!("aclose", ag_aclose),
    getset!("__name__", g_name, g_set_name),
    getset!("__qualname__", g_qualname, g_set_qualname),
    getset!("ag_running", g_running),
    getset!("ag_code", g_code),
    getset!("ag_frame", g_frame),
    getset!("ag_await", g_yieldfrom),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static ASYNC_GENERATOR_TYPE: TypeObj = TypeObj::builtin(
    "async_generator",
    Layout::Generator,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(gen_repr),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &AGEN_ATTRS,
    core::mem::size_of::<GenObj>(),
    0,
);

/// GET_AITER.
pub fn get_aiter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    match abs::call_dunder(vm, o, "__aiter__", &[])? {
        Some(it) => {
            if super::typeobj::lookup(vm, it.ty(), "__anext__")?.is_none() {
                return Err(vm.type_error(&format!(
                    "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                    it.ty().name()
                )));
            }
            Ok(it)
        }
        None => Err(vm.type_error(&format!(
            "'async for' requires an object with __aiter__ method, got {}",
            o.ty().name()
        ))),
    }
}

/// GET_ANEXT.
pub fn get_anext(vm: &Vm, it: Obj) -> PyResult<Obj> {
    match abs::call_dunder(vm, it, "__anext__", &[])? {
        Some(a) => get_awaitable(vm, a, 0).map_err(|e| {
            if vm.exc_matches(&exc::TYPE_ERROR) {
                vm.take_exc();
                vm.type_error(&format!(
                    "'async for' received an invalid object from __anext__: {}",
                    a.ty().name()
                ))
            } else {
                e
            }
        }),
        None => Err(vm.type_error(&format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            it.ty().name()
        ))),
    }
}
