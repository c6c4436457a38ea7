//! `bytes` (immutable, inline data) and `bytearray` (growable buffer).
#![allow(unsafe_code)]

use super::{Layout, Obj, ObjHead, PyPayload, Slots, TypeObj};
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

#[repr(C)]
pub struct BytesObj {
    pub head: ObjHead,
    pub hash: Cell<isize>,
    pub len: usize,
    data: [u8; 0],
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for BytesObj {
    const LAYOUT: Layout = Layout::Bytes;
}

pub fn new(vm: &Vm, b: &[u8]) -> PyResult<Obj> {
    new_typed(vm, &BYTES_TYPE, b)
}

pub fn new_typed(vm: &Vm, t: &'static TypeObj, b: &[u8]) -> PyResult<Obj> {
    let extra = if t.dictoffset == usize::MAX { core::mem::size_of::<usize>() } else { 0 };
    let size = core::mem::size_of::<BytesObj>() + b.len() + 1 + extra;
    let o = vm.alloc_obj_sized(
        BytesObj { head: ObjHead { refcnt: Cell::new(0), ty: t }, hash: Cell::new(-1), len: b.len(), data: [] },
        size,
    )?;
    // SAFETY: room for b.len() + 1 bytes follows the header.
    unsafe {
        let p = (o.as_ptr() as *mut BytesObj).add(1) as *mut u8;
        core::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len());
    }
    Ok(o)
}

/// The bytes of a `bytes` (or subclass) object.
pub fn as_bytes(o: Obj) -> Option<&'static [u8]> {
    let b = o.downcast::<BytesObj>()?;
    // SAFETY: `len` bytes follow the header.
    Some(unsafe { core::slice::from_raw_parts((b as *const BytesObj).add(1) as *const u8, b.len) })
}

fn bytes_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    vm.new_string(crate::text::bytes_repr(as_bytes(o).unwrap_or(&[])))
}

fn bytes_len(_vm: &Vm, o: Obj) -> PyResult<usize> {
    Ok(as_bytes(o).map(|b| b.len()).unwrap_or(0))
}

pub static BYTES_TYPE: TypeObj = TypeObj::builtin(
    "bytes",
    Layout::Bytes,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(bytes_repr),
        len: Some(bytes_len),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<BytesObj>(),
    super::tpflags::BASETYPE,
);

/// Builtin names provided by this module (bytes, bytearray, memoryview).
pub static BUILTINS: [super::attr::AttrEntry; 1] = [crate::constant!("bytes", BYTES_TYPE)];
