//! `slice` objects and the shared slice-index helper.

use super::{int, none, tuple, Args, CmpOp, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj};
use crate::vm::{abs, PyResult, Vm};

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
    vm.alloc_obj(SliceObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &SLICE_TYPE,
        },
        start,
        stop,
        step,
    })
}

#[inline]
pub fn is_slice(o: Obj) -> bool {
    o.downcast::<SliceObj>().is_some()
}

/// `_PyEval_SliceIndex`: None → `None`; ints clamped to the isize range.
fn slice_index(vm: &Vm, o: Obj) -> PyResult<Option<isize>> {
    if o.is_none() {
        return Ok(None);
    }
    if let Some(v) = o.as_small() {
        return Ok(Some(v));
    }
    if !int::is_int(o) && o.ty().slots.index.is_none() {
        return Err(
            vm.type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let i = abs::index(vm, o)?;
    Ok(Some(clamp_int(i)))
}

/// An int object clamped to the isize range.
pub fn clamp_int(i: Obj) -> isize {
    match int::to_i64(i) {
        Some(v) => v.clamp(isize::MIN as i64, isize::MAX as i64) as isize,
        None => match int::to_bigint(i) {
            Some(b) if b.is_negative() => isize::MIN,
            _ => isize::MAX,
        },
    }
}

/// CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`: the normalised
/// `(start, stop, step, slicelength)` of slice `s` over a sequence of `len`.
pub fn slice_indices(vm: &Vm, s: Obj, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    let sl = s
        .downcast::<SliceObj>()
        .ok_or_else(|| vm.type_error("slice expected"))?;
    let step = match slice_index(vm, sl.step)? {
        None => 1,
        Some(0) => return Err(vm.value_error("slice step cannot be zero")),
        Some(v) => v.max(-isize::MAX),
    };
    let start = slice_index(vm, sl.start)?.unwrap_or(if step < 0 { isize::MAX } else { 0 });
    let stop = slice_index(vm, sl.stop)?.unwrap_or(if step < 0 { isize::MIN } else { isize::MAX });
    Ok(adjust_indices(len as isize, start, stop, step))
}

/// `PySlice_AdjustIndices`.
pub fn adjust_indices(
    len: isize,
    start: isize,
    stop: isize,
    step: isize,
) -> (isize, isize, isize, usize) {
    let adj = |v: isize| -> isize {
        if v < 0 {
            let w = v.saturating_add(len);
            if w < 0 {
                if step < 0 {
                    -1
                } else {
                    0
                }
            } else {
                w
            }
        } else if v >= len {
            if step < 0 {
                len - 1
            } else {
                len
            }
        } else {
            v
        }
    };
    let (a, b) = (adj(start), adj(stop));
    let n = if step < 0 {
        if b < a {
            ((a - b - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if a < b {
        ((b - a - 1) / step + 1) as usize
    } else {
        0
    };
    (a, b, step, n)
}

/// Index `k` of sequence `s`'s slice: position of item `i` of the slice.
#[inline]
pub fn nth(start: isize, step: isize, i: usize) -> usize {
    (start + step * i as isize) as usize
}

fn slice_new(vm: &Vm, _t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    args.check_unpack(vm, "slice", 1, 3)?;
    match args.pos.len() {
        1 => new(vm, none(), args.pos[0], none()),
        2 => new(vm, args.pos[0], args.pos[1], none()),
        _ => new(vm, args.pos[0], args.pos[1], args.pos[2]),
    }
}

fn sl(o: Obj) -> &'static SliceObj {
    o.downcast::<SliceObj>().expect("slice")
}

fn slice_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let s = sl(o);
    let r = alloc::format!(
        "slice({}, {}, {})",
        abs::repr_string(vm, s.start)?,
        abs::repr_string(vm, s.stop)?,
        abs::repr_string(vm, s.step)?
    );
    vm.new_string(r)
}

fn as_tuple(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let s = sl(o);
    tuple::new(vm, &[s.start, s.stop, s.step])
}

fn slice_richcmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_slice(b) {
        return Ok(super::not_implemented());
    }
    if a.is(b) && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(super::py_bool(op == CmpOp::Eq));
    }
    let (x, y) = (as_tuple(vm, a)?, as_tuple(vm, b)?);
    abs::rich_compare(vm, x, y, op)
}

fn get_start(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(sl(o).start)
}
fn get_stop(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(sl(o).stop)
}
fn get_step(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(sl(o).step)
}

fn slice_m_indices(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let Some(&s) = args.pos.first() else {
        return Err(vm.type_error("descriptor 'indices' of 'slice' object needs an argument"));
    };
    crate::obj::strmethods::rest(args).check_method(vm, "slice", "indices", 1, 1)?;
    if !is_slice(s) {
        return Err(vm.type_error("descriptor 'indices' requires a 'slice' object"));
    }
    let n = abs::index(vm, args.pos[1])?;
    let n = clamp_int(n);
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (a, b, c, _) = slice_indices(vm, s, n as usize)?;
    let mut v = [none(); 3];
    for (i, x) in [a, b, c].iter().enumerate() {
        v[i] = int::new_i64(vm, *x as i64)?;
    }
    tuple::new(vm, &v)
}

static SLICE_ATTRS: [super::attr::AttrEntry; 7] = [
    crate::constant!("__hash__", super::NONE),
    crate::method!("__repr__", super::seqmethods::w_repr),
    crate::method!("__eq__", super::seqmethods::w_eq),
    crate::getset!("start", get_start),
    crate::getset!("stop", get_stop),
    crate::getset!("step", get_step),
    crate::method!("indices", slice_m_indices),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static SLICE_TYPE: TypeObj = TypeObj::builtin(
    "slice",
    Layout::Slice,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        new: Some(slice_new),
        repr: Some(slice_repr),
        richcmp: Some(slice_richcmp),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &SLICE_ATTRS,
    core::mem::size_of::<SliceObj>(),
    0,
);
