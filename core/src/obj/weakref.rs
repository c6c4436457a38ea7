//! Weak references (`weakref.ref`) and the `_weakref` module.
//!
//! A weak reference is a small object whose referent is known to the
//! collector only through its side table (`gc::weak`): the referent word is
//! stored disguised, so it keeps nothing alive, and the collector clears it
//! when the referent is found unreachable, then the VM calls the callback
//! ([`run_callbacks`]). Which objects may be weakly referenced follows
//! CPython (see [`type_weakrefable`]); being weakly referenceable costs an
//! object nothing.

use super::attr::AttrEntry;
use super::{
    none, not_implemented, tpflags, Args, CmpOp, Layout, Obj, ObjHead, PyPayload, RefCnt, Slots,
    TypeObj,
};
use crate::gc::weak as gcw;
use crate::vm::{abs, PyResult, Vm};
use alloc::format;
use alloc::vec::Vec;
use core::cell::Cell;

/// A weak reference. Words 2-4 have the shape `gc::weak` reads: disguised
/// referent, disguised link, callback.
#[repr(C)]
pub struct WeakRefObj {
    pub head: ObjHead,
    /// Owned by the collector (`gc::weak::WR_OBJECT`).
    object: Cell<usize>,
    /// Owned by the collector (`gc::weak::WR_NEXT`).
    next: Cell<usize>,
    /// `gc::weak::WR_CALLBACK`: the callback, taken when it is called.
    callback: Cell<Option<Obj>>,
    /// The referent's hash once computed (-1 before).
    hash: Cell<isize>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for WeakRefObj {
    const LAYOUT: Layout = Layout::WeakRef;
}

const _: () = {
    let w = core::mem::size_of::<usize>();
    assert!(core::mem::offset_of!(WeakRefObj, object) == gcw::WR_OBJECT * w);
    assert!(core::mem::offset_of!(WeakRefObj, next) == gcw::WR_NEXT * w);
    assert!(core::mem::offset_of!(WeakRefObj, callback) == gcw::WR_CALLBACK * w);
};

/// May instances of `t` be weakly referenced? Classes decide when they are
/// made (`tpflags::WEAKREF`, see `typeobj::type_new`); builtin types by
/// their layout, as CPython's `tp_weaklistoffset`.
pub fn type_weakrefable(t: &TypeObj) -> bool {
    if t.flags & tpflags::WEAKREF != 0 {
        return true;
    }
    if t.flags & tpflags::HEAPTYPE != 0 || !t.ext.is_null() {
        return false;
    }
    layout_weakrefable(t.layout)
}

/// Builtin layouts whose CPython types have a weak reference list.
pub fn layout_weakrefable(l: Layout) -> bool {
    matches!(
        l,
        Layout::Type
            | Layout::Function
            | Layout::Builtin
            | Layout::CFunction
            | Layout::BoundMethod
            | Layout::Code
            | Layout::Module
            | Layout::Generator
            | Layout::Set
            | Layout::Io
            | Layout::MemoryView
            | Layout::Frame
    )
}

/// May `o` be weakly referenced?
pub fn weakrefable(o: Obj) -> bool {
    !o.is_small() && type_weakrefable(o.ty())
}

/// Is `o` a weak reference (`ref` or a subclass)?
pub fn is_ref(o: Obj) -> bool {
    o.downcast::<WeakRefObj>().is_some()
}

/// The referent of weak reference `w`, `None` once it is dead (or when `w`
/// is not a weak reference).
pub fn get(w: Obj) -> Option<Obj> {
    let r = w.downcast::<WeakRefObj>()?;
    let a = gcw::referent(r as *const WeakRefObj as usize);
    // SAFETY: the collector clears the word before the referent is freed,
    // so a non-zero referent is a live object.
    unsafe { Obj::from_raw(a) }
}

fn cannot(vm: &Vm, o: Obj) -> crate::vm::Raised {
    let t = o.ty();
    // C types are named `module.Name` (their tp_name), as in CPython.
    let module = if t.ext.is_null() {
        None
    } else {
        t.dict
            .and_then(|d| super::dict::get_str(vm, d, "__module__").ok().flatten())
            .and_then(super::str::as_str)
            .filter(|m| *m != "builtins")
    };
    let _ = vm.take_exc();
    let name = match module {
        Some(m) => format!("{}.{}", m, t.name()),
        None => alloc::string::String::from(t.name()),
    };
    vm.type_error(&format!(
        "cannot create weak reference to '{}' object",
        name
    ))
}

/// A new weak reference of type `t` (`ref` or a subclass) to `o`. A plain
/// `ref(o)` without callback is shared, as in CPython.
pub fn new_ref(vm: &Vm, t: &'static TypeObj, o: Obj, callback: Option<Obj>) -> PyResult<Obj> {
    if !weakrefable(o) {
        return Err(cannot(vm, o));
    }
    let callback = callback.filter(|c| !c.is_none());
    if callback.is_none() && t.is(&REF_TYPE) {
        let mut w = gcw::first(o.raw());
        while w != 0 {
            // SAFETY: chained weak references are live objects.
            let wo = unsafe { Obj::from_raw(w) };
            if let Some(wo) = wo {
                if wo.ty().is(&REF_TYPE)
                    && wo
                        .downcast::<WeakRefObj>()
                        .is_some_and(|r| r.callback.get().is_none())
                {
                    return Ok(wo);
                }
            }
            w = gcw::next(w);
        }
    }
    let w = vm.alloc_obj_sized(
        WeakRefObj {
            head: ObjHead {
                refcnt: RefCnt::new(0),
                ty: t,
            },
            object: Cell::new(0),
            next: Cell::new(0),
            callback: Cell::new(callback),
            hash: Cell::new(-1),
        },
        t.basicsize,
    )?;
    attach(vm, w, o)?;
    Ok(w)
}

/// Register weak reference object `w` (of the collector's shape) for `o`.
fn attach(vm: &Vm, w: Obj, o: Obj) -> PyResult<()> {
    if let Some(cap) = gcw::needs_grow() {
        let p = vm.alloc_raw(
            2 * cap * core::mem::size_of::<usize>(),
            crate::gc::kind::MANUAL | crate::gc::kind::NOSCAN,
        )?;
        gcw::rehash_into(p, cap);
    }
    if !gcw::insert(w.raw(), o.raw()) {
        return Err(vm.memory_error());
    }
    Ok(())
}

/// Every weak reference to `o`, newest first.
pub fn refs_of(o: Obj) -> Vec<Obj> {
    let mut out = Vec::new();
    if o.is_small() {
        return out;
    }
    let mut w = gcw::first(o.raw());
    while w != 0 {
        // SAFETY: chained weak references are live objects.
        if let Some(wo) = unsafe { Obj::from_raw(w) } {
            out.push(wo);
        }
        w = gcw::next(w);
    }
    out
}

/// Call the callbacks of the weak references cleared by the collector
/// (after each collection, before finalisers: CPython's order). Errors are
/// reported and ignored.
pub fn run_callbacks(vm: &Vm) {
    loop {
        let w = gcw::take_callback();
        // SAFETY: pending weak references are kept alive by the collector
        // until taken; this one is now held on the stack.
        let Some(wo) = (unsafe { Obj::from_raw(w) }) else {
            break;
        };
        let Some(r) = wo.downcast::<WeakRefObj>() else {
            continue;
        };
        let Some(cb) = r.callback.take() else {
            continue;
        };
        let saved = vm.take_exc();
        if crate::vm::call::call(vm, cb, &[wo]).is_err() {
            if let Some(e) = vm.take_exc() {
                let msg = match abs::repr_string(vm, cb) {
                    Ok(s) => format!("Exception ignored in: {}\n", s),
                    Err(_) => {
                        let _ = vm.take_exc();
                        alloc::string::String::from("Exception ignored in a weakref callback\n")
                    }
                };
                let _ = crate::modules::sys::write_stderr(vm, &msg);
                let _ = crate::builtins::print_exception(vm, e);
                let _ = vm.take_exc();
            }
        }
        vm.restore_exc(saved);
    }
}

// ------------------------------------------------------------------ slots

fn ref_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    // Keywords are ignored (they belong to subclasses' __init__), as in
    // CPython.
    let n = args.pos.len();
    if n == 0 || n > 2 {
        return Err(vm.type_error(&format!(
            "__new__ expected {} 2 arguments, got {}",
            if n == 0 { "at least" } else { "at most" },
            n
        )));
    }
    new_ref(vm, t, args.pos[0], args.pos.get(1).copied())
}

fn ref_init(vm: &Vm, _o: Obj, args: &Args) -> PyResult<()> {
    let n = args.pos.len();
    if n == 0 || n > 2 {
        return Err(vm.type_error(&format!(
            "__init__ expected {} 2 arguments, got {}",
            if n == 0 { "at least" } else { "at most" },
            n
        )));
    }
    Ok(())
}

fn ref_call(vm: &Vm, o: Obj, args: &Args) -> PyResult<Obj> {
    args.check(vm, "weakref", 0, 0)?;
    Ok(get(o).unwrap_or(none()))
}

fn ref_hash(vm: &Vm, o: Obj) -> PyResult<isize> {
    let r = o
        .downcast::<WeakRefObj>()
        .ok_or_else(|| vm.type_error("weakref expected"))?;
    if r.hash.get() != -1 {
        return Ok(r.hash.get());
    }
    let Some(x) = get(o) else {
        return Err(vm.type_error("weak object has gone away"));
    };
    let h = abs::hash(vm, x)?;
    r.hash.set(h);
    Ok(h)
}

fn ref_richcmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || !is_ref(a) || !is_ref(b) {
        return Ok(not_implemented());
    }
    match (get(a), get(b)) {
        (Some(x), Some(y)) => abs::rich_compare(vm, x, y, op),
        _ => Ok(super::py_bool(a.is(b) == matches!(op, CmpOp::Eq))),
    }
}

fn ref_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let Some(x) = get(o) else {
        return vm.new_string(format!("<weakref at {:#x}; dead>", o.raw()));
    };
    let name = match abs::getattr_opt_str(vm, x, "__name__") {
        Ok(n) => n.filter(|n| super::str::as_str(*n).is_some()),
        Err(_) => {
            let _ = vm.take_exc();
            None
        }
    };
    let s = match name.and_then(super::str::as_str) {
        Some(n) => format!(
            "<weakref at {:#x}; to '{}' at {:#x} ({})>",
            o.raw(),
            x.ty().name(),
            x.raw(),
            n
        ),
        None => format!(
            "<weakref at {:#x}; to '{}' at {:#x}>",
            o.raw(),
            x.ty().name(),
            x.raw()
        ),
    };
    vm.new_string(s)
}

fn ref_callback(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let r = o
        .downcast::<WeakRefObj>()
        .ok_or_else(|| vm.type_error("weakref expected"))?;
    Ok(r.callback.get().unwrap_or(none()))
}

fn m_call(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (w, rest) = args
        .pos
        .split_first()
        .filter(|(w, _)| is_ref(**w))
        .ok_or_else(|| {
            vm.type_error("descriptor '__call__' requires a 'weakref.ReferenceType' object")
        })?;
    ref_call(
        vm,
        *w,
        &Args {
            pos: rest,
            kw: args.kw,
            kwnames: args.kwnames,
        },
    )
}
fn m_cmp(vm: &Vm, args: &Args, op: CmpOp) -> PyResult<Obj> {
    args.check(vm, op.dunder(), 2, 2)?;
    ref_richcmp(vm, args.pos[0], args.pos[1], op)
}
fn m_eq(vm: &Vm, args: &Args) -> PyResult<Obj> {
    m_cmp(vm, args, CmpOp::Eq)
}
fn m_ne(vm: &Vm, args: &Args) -> PyResult<Obj> {
    m_cmp(vm, args, CmpOp::Ne)
}
fn m_hash(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__hash__", 1, 1)?;
    super::int::new_i64(vm, ref_hash(vm, args.pos[0])? as i64)
}

static REF_ATTRS: [AttrEntry; 8] = [
    crate::method!("__call__", m_call),
    crate::method!("__eq__", m_eq),
    crate::method!("__ne__", m_ne),
    crate::method!("__hash__", m_hash),
    crate::staticmethod!("__new__", super::seqmethods::w_new),
    crate::method!("__init__", super::seqmethods::w_init),
    crate::getset!("__callback__", ref_callback),
    crate::classmethod!("__class_getitem__", super::seqmethods::w_class_getitem),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static REF_TYPE: TypeObj = TypeObj::builtin(
    "weakref.ReferenceType",
    Layout::WeakRef,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        new: Some(ref_new),
        init: Some(ref_init),
        call: Some(ref_call),
        hash: Some(ref_hash),
        richcmp: Some(ref_richcmp),
        repr: Some(ref_repr),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &REF_ATTRS,
    core::mem::size_of::<WeakRefObj>(),
    tpflags::BASETYPE,
);

// ------------------------------------------------------- module _weakref

fn m_getweakrefcount(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "getweakrefcount", 1, 1)?;
    super::int::new_i64(vm, refs_of(args.pos[0]).len() as i64)
}

fn m_getweakrefs(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "getweakrefs", 1, 1)?;
    let refs = refs_of(args.pos[0]);
    super::list::new(vm, &refs)
}

/// `_remove_dead_weakref(dict, key)`: delete `dict[key]` if it is a dead
/// weak reference.
fn m_remove_dead(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "_remove_dead_weakref", 2, 2)?;
    let (d, k) = (args.pos[0], args.pos[1]);
    if d.downcast::<super::dict::DictObj>().is_none() {
        return Err(vm.type_error("_remove_dead_weakref() argument 1 must be dict"));
    }
    if let Some(v) = super::dict::get(vm, d, k)? {
        if is_ref(v) && get(v).is_none() {
            super::dict::del(vm, d, k)?;
        }
    }
    Ok(none())
}

static WEAKREF_FUNCS: [AttrEntry; 5] = [
    crate::function!("getweakrefcount", m_getweakrefcount),
    crate::function!("getweakrefs", m_getweakrefs),
    crate::function!("_remove_dead_weakref", m_remove_dead),
    crate::constant!("ref", REF_TYPE),
    crate::constant!("ReferenceType", REF_TYPE),
];

/// Build the `_weakref` module.
pub fn make_module(vm: &Vm) -> PyResult<Obj> {
    crate::modules::gc::module_from(vm, "_weakref", &WEAKREF_FUNCS)
}
