//! Frame objects as Python sees them (`sys._getframe()`, `tb_frame`): a
//! snapshot of a frame's code, globals and line, not the live frame.

use super::attr::AttrEntry;
use super::{none, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj};
use crate::getset;
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

#[repr(C)]
pub struct FrameObj {
    pub head: ObjHead,
    pub code: Obj,
    pub globals: Obj,
    pub lineno: u32,
    pub back: Cell<Option<Obj>>,
    pub locals: Cell<Option<Obj>>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for FrameObj {
    const LAYOUT: Layout = Layout::Frame;
}

pub fn new(vm: &Vm, code: Obj, globals: Obj, lineno: u32) -> PyResult<Obj> {
    vm.alloc_obj(FrameObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &FRAME_TYPE,
        },
        code,
        globals,
        lineno,
        back: Cell::new(None),
        locals: Cell::new(None),
    })
}

fn fr(o: Obj) -> &'static FrameObj {
    o.downcast::<FrameObj>().expect("frame")
}
fn f_code(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(fr(o).code)
}
fn f_globals(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(fr(o).globals)
}
fn f_lineno(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(fr(o).lineno as isize))
}
fn f_back(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(fr(o).back.get().unwrap_or(none()))
}
fn f_locals(vm: &Vm, o: Obj) -> PyResult<Obj> {
    match fr(o).locals.get() {
        Some(l) => Ok(l),
        None => super::dict::new(vm),
    }
}
fn f_builtins(vm: &Vm, _o: Obj) -> PyResult<Obj> {
    Ok(vm.builtins_dict.get().unwrap_or(none()))
}

static FRAME_ATTRS: [AttrEntry; 6] = [
    getset!("f_code", f_code),
    getset!("f_globals", f_globals),
    getset!("f_lineno", f_lineno),
    getset!("f_back", f_back),
    getset!("f_locals", f_locals),
    getset!("f_builtins", f_builtins),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static FRAME_TYPE: TypeObj = TypeObj::builtin(
    "frame",
    Layout::Frame,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &FRAME_ATTRS,
    core::mem::size_of::<FrameObj>(),
    0,
);
