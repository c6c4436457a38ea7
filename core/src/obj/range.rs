//! `range` and its iterator.

use super::{Layout, Obj, ObjHead, PyPayload, Slots, TypeObj};
use crate::vm::{abs, PyResult, Vm};
use core::cell::Cell;

#[repr(C)]
pub struct RangeObj {
    pub head: ObjHead,
    pub start: Obj,
    pub stop: Obj,
    pub step: Obj,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for RangeObj {
    const LAYOUT: Layout = Layout::Range;
}

#[repr(C)]
pub struct RangeIterObj {
    pub head: ObjHead,
    pub next: Cell<isize>,
    pub step: isize,
    pub left: Cell<usize>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for RangeIterObj {
    const LAYOUT: Layout = Layout::Iter;
}

fn range_new(vm: &Vm, _t: &'static TypeObj, args: &super::Args) -> PyResult<Obj> {
    args.check(vm, "range", 1, 3)?;
    let (start, stop, step) = match args.pos.len() {
        1 => (Obj::small(0), abs::index(vm, args.pos[0])?, Obj::small(1)),
        2 => (abs::index(vm, args.pos[0])?, abs::index(vm, args.pos[1])?, Obj::small(1)),
        _ => (abs::index(vm, args.pos[0])?, abs::index(vm, args.pos[1])?, abs::index(vm, args.pos[2])?),
    };
    if step.as_small() == Some(0) {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    vm.alloc_obj(RangeObj { head: ObjHead { refcnt: Cell::new(0), ty: &RANGE_TYPE }, start, stop, step })
}

fn small_len(start: isize, stop: isize, step: isize) -> usize {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as usize
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as usize
    } else {
        0
    }
}

fn range_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    // SAFETY: installed on Range layout only.
    let r = unsafe { o.cast::<RangeObj>() };
    match (r.start.as_small(), r.stop.as_small(), r.step.as_small()) {
        (Some(a), Some(b), Some(s)) => vm.alloc_obj(RangeIterObj {
            head: ObjHead { refcnt: Cell::new(0), ty: &RANGE_ITER_TYPE },
            next: Cell::new(a),
            step: s,
            left: Cell::new(small_len(a, b, s)),
        }),
        _ => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_len(vm: &Vm, o: Obj) -> PyResult<usize> {
    // SAFETY: installed on Range layout only.
    let r = unsafe { o.cast::<RangeObj>() };
    match (r.start.as_small(), r.stop.as_small(), r.step.as_small()) {
        (Some(a), Some(b), Some(s)) => Ok(small_len(a, b, s)),
        _ => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// Next value of a range iterator (`None` when exhausted).
#[inline(always)]
pub fn range_iter_next(it: Obj) -> Option<Obj> {
    // SAFETY: only called for RANGE_ITER_TYPE objects.
    let r = unsafe { it.cast::<RangeIterObj>() };
    let left = r.left.get();
    if left == 0 {
        return None;
    }
    let v = r.next.get();
    r.left.set(left - 1);
    r.next.set(v.wrapping_add(r.step));
    Obj::try_small(v as i64)
}

fn range_iter_next_slot(_vm: &Vm, it: Obj) -> PyResult<Option<Obj>> {
    Ok(range_iter_next(it))
}

fn self_iter(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(o)
}

pub static RANGE_TYPE: TypeObj = TypeObj::builtin(
    "range",
    Layout::Range,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        new: Some(range_new),
        iter: Some(range_iter),
        len: Some(range_len),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<RangeObj>(),
    0,
);

pub static RANGE_ITER_TYPE: TypeObj = TypeObj::builtin(
    "range_iterator",
    Layout::Iter,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        iter: Some(self_iter),
        iternext: Some(range_iter_next_slot),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<RangeIterObj>(),
    0,
);
