//! Traceback entries: one per frame an exception passed through.

use super::attr::AttrEntry;
use super::{none, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj};
use crate::getset;
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

#[repr(C)]
pub struct TracebackObj {
    pub head: ObjHead,
    /// The entry for the next (deeper) frame.
    pub next: Cell<Option<Obj>>,
    pub code: Obj,
    pub globals: Obj,
    pub lineno: u32,
    pub lasti: usize,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for TracebackObj {
    const LAYOUT: Layout = Layout::Traceback;
}

/// A new entry in front of `next`.
pub fn new(
    vm: &Vm,
    next: Option<Obj>,
    code: Obj,
    lineno: u32,
    lasti: usize,
    globals: Obj,
) -> PyResult<Obj> {
    vm.alloc_obj(TracebackObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &TRACEBACK_TYPE,
        },
        next: Cell::new(next),
        code,
        globals,
        lineno,
        lasti,
    })
}

fn tb(o: Obj) -> &'static TracebackObj {
    o.downcast::<TracebackObj>().expect("traceback")
}
fn tb_next(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(tb(o).next.get().unwrap_or(none()))
}
fn tb_set_next(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        Some(v) if v.is_none() => tb(o).next.set(None),
        Some(v) if v.layout() == Layout::Traceback => tb(o).next.set(Some(v)),
        _ => return Err(vm.type_error("expected traceback object or None")),
    }
    Ok(())
}
fn tb_lineno(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(tb(o).lineno as isize))
}
fn tb_lasti(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(tb(o).lasti as isize))
}
fn tb_frame(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let t = tb(o);
    super::frameobj::new(vm, t.code, t.globals, t.lineno)
}

static TB_ATTRS: [AttrEntry; 4] = [
    getset!("tb_next", tb_next, tb_set_next),
    getset!("tb_lineno", tb_lineno),
    getset!("tb_lasti", tb_lasti),
    getset!("tb_frame", tb_frame),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static TRACEBACK_TYPE: TypeObj = TypeObj::builtin(
    "traceback",
    Layout::Traceback,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        getattr: Some(super::typeobj::generic_getattr),
        setattr: Some(super::typeobj::generic_setattr),
        ..Slots::EMPTY
    },
    &TB_ATTRS,
    core::mem::size_of::<TracebackObj>(),
    0,
);
