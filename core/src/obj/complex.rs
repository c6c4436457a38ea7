//! `complex`: boxed pair of `f64`.

use super::{Layout, Obj, ObjHead, PyPayload, Slots, TypeObj};
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

#[repr(C)]
pub struct ComplexObj {
    pub head: ObjHead,
    pub re: f64,
    pub im: f64,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for ComplexObj {
    const LAYOUT: Layout = Layout::Complex;
}

pub fn new(vm: &Vm, re: f64, im: f64) -> PyResult<Obj> {
    vm.alloc_obj(ComplexObj { head: ObjHead { refcnt: Cell::new(0), ty: &COMPLEX_TYPE }, re, im })
}

fn complex_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    // SAFETY: installed on Complex layout only.
    let c = unsafe { o.cast::<ComplexObj>() };
    let im = crate::text::float_repr(c.im);
    if c.re == 0.0 && c.re.is_sign_positive() {
        return vm.new_string(alloc::format!("{}j", im));
    }
    let re = crate::text::float_repr(c.re);
    let sign = if c.im < 0.0 || (c.im == 0.0 && c.im.is_sign_negative()) || c.im.is_nan() && im.starts_with('-') { "" } else { "+" };
    vm.new_string(alloc::format!("({}{}{}j)", re, sign, im))
}

pub static COMPLEX_TYPE: TypeObj = TypeObj::builtin(
    "complex",
    Layout::Complex,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots { repr: Some(complex_repr), getattr: Some(super::typeobj::generic_getattr), ..Slots::EMPTY },
    &[],
    core::mem::size_of::<ComplexObj>(),
    super::tpflags::BASETYPE,
);
