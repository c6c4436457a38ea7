//! `slice` objects.

use super::{none, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj};
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

#[repr(C)]
pub struct SliceObj {
    pub head: ObjHead,
    pub start: Obj,
    pub stop: Obj,
    pub step: Obj,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for SliceObj {
    const LAYOUT: Layout = Layout::Slice;
}

pub fn new(vm: &Vm, start: Obj, stop: Obj, step: Obj) -> PyResult<Obj> {
    vm.alloc_obj(SliceObj { head: ObjHead { refcnt: Cell::new(0), ty: &SLICE_TYPE }, start, stop, step })
}

fn slice_new(vm: &Vm, _t: &'static TypeObj, args: &super::Args) -> PyResult<Obj> {
    args.check(vm, "slice", 1, 3)?;
    match args.pos.len() {
        1 => new(vm, none(), args.pos[0], none()),
        2 => new(vm, args.pos[0], args.pos[1], none()),
        _ => new(vm, args.pos[0], args.pos[1], args.pos[2]),
    }
}

pub static SLICE_TYPE: TypeObj = TypeObj::builtin(
    "slice",
    Layout::Slice,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots { new: Some(slice_new), getattr: Some(super::typeobj::generic_getattr), ..Slots::EMPTY },
    &[],
    core::mem::size_of::<SliceObj>(),
    0,
);
