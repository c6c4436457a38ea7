//! `range` and its iterators.

use super::attr::AttrEntry;
use super::seqmethods::{self as sm, check_count, noargs, onearg};
use super::{
    int, none, not_implemented, py_bool, slice, tuple, Args, CmpOp, Layout, Obj, ObjHead,
    PyPayload, Slots, TypeObj,
};
use crate::bigint::BigInt;
use crate::vm::{abs, PyResult, Vm};
use crate::{getset, method};
use core::cell::Cell;

#[repr(C)]
pub struct RangeObj {
    pub head: ObjHead,
    pub start: Obj,
    pub stop: Obj,
    pub step: Obj,
    /// Number of items (an int, possibly big).
    pub length: Obj,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for RangeObj {
    const LAYOUT: Layout = Layout::Range;
}

/// Iterator over a range of small ints.
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

/// Iterator over a range with big ints.
#[repr(C)]
pub struct LongRangeIterObj {
    pub head: ObjHead,
    pub next: Cell<Obj>,
    pub step: Obj,
    pub left: Cell<Obj>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for LongRangeIterObj {
    const LAYOUT: Layout = Layout::Iter;
}

fn big(o: Obj) -> BigInt {
    int::to_bigint(o).unwrap_or_else(|| BigInt::from_i64(0))
}

fn r_of(vm: &Vm, o: Obj) -> PyResult<&'static RangeObj> {
    o.downcast::<RangeObj>()
        .ok_or_else(|| vm.type_error("range object expected"))
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

/// Length of `range(start, stop, step)` as an int object.
fn compute_len(vm: &Vm, start: Obj, stop: Obj, step: Obj) -> PyResult<Obj> {
    if let (Some(a), Some(b), Some(s)) = (start.as_small(), stop.as_small(), step.as_small()) {
        return int::new_i64(vm, small_len(a, b, s) as i64);
    }
    let (a, b, s) = (big(start), big(stop), big(step));
    let one = BigInt::one();
    let (lo, hi, st) = if s.is_negative() {
        (b, a, s.neg())
    } else {
        (a, b, s)
    };
    if lo >= hi {
        return Ok(Obj::small(0));
    }
    let n = hi
        .sub(&lo)
        .sub(&one)
        .div_floor(&st)
        .map(|q| q.add(&one))
        .unwrap_or(one);
    int::from_bigint(vm, &n)
}

fn make(vm: &Vm, start: Obj, stop: Obj, step: Obj) -> PyResult<Obj> {
    let length = compute_len(vm, start, stop, step)?;
    vm.alloc_obj(RangeObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &RANGE_TYPE,
        },
        start,
        stop,
        step,
        length,
    })
}

fn range_new(vm: &Vm, _t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    check_count(vm, "range", args.pos.len(), 1, 3)?;
    let (start, stop, step) = match args.pos.len() {
        1 => (Obj::small(0), abs::index(vm, args.pos[0])?, Obj::small(1)),
        2 => (
            abs::index(vm, args.pos[0])?,
            abs::index(vm, args.pos[1])?,
            Obj::small(1),
        ),
        _ => (
            abs::index(vm, args.pos[0])?,
            abs::index(vm, args.pos[1])?,
            abs::index(vm, args.pos[2])?,
        ),
    };
    if step.as_small() == Some(0) || (!step.is_small() && big(step).is_zero()) {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    // Normalise bools and int subclasses to plain ints.
    let norm = |o: Obj| -> PyResult<Obj> {
        if o.is_small() || o.ty().is(&int::INT_TYPE) {
            Ok(o)
        } else {
            int::from_bigint(vm, &big(o))
        }
    };
    make(vm, norm(start)?, norm(stop)?, norm(step)?)
}

fn range_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let r = r_of(vm, o)?;
    iter_from(vm, r.start, r.step, r.length)
}

fn iter_from(vm: &Vm, start: Obj, step: Obj, length: Obj) -> PyResult<Obj> {
    if let (Some(a), Some(s), Some(n)) = (start.as_small(), step.as_small(), length.as_small()) {
        let last = a as i128 + (n as i128 - 1).max(0) * s as i128;
        if last >= Obj::SMALL_MIN as i128 && last <= Obj::SMALL_MAX as i128 {
            return vm.alloc_obj(RangeIterObj {
                head: ObjHead {
                    refcnt: crate::obj::RefCnt::new(0),
                    ty: &RANGE_ITER_TYPE,
                },
                next: Cell::new(a),
                step: s,
                left: Cell::new(n as usize),
            });
        }
    }
    vm.alloc_obj(LongRangeIterObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &LONGRANGE_ITER_TYPE,
        },
        next: Cell::new(start),
        step,
        left: Cell::new(length),
    })
}

fn range_len(vm: &Vm, o: Obj) -> PyResult<usize> {
    let r = r_of(vm, o)?;
    match super::int::to_i64(r.length) {
        Some(n) if n >= 0 && n <= isize::MAX as i64 => Ok(n as usize),
        _ => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_bool(vm: &Vm, o: Obj) -> PyResult<bool> {
    Ok(r_of(vm, o)?.length.as_small() != Some(0))
}

/// Item `i` (0 <= i < len): `start + i * step`.
fn item(vm: &Vm, r: &RangeObj, i: &BigInt) -> PyResult<Obj> {
    int::from_bigint(vm, &big(r.start).add(&i.mul(&big(r.step))))
}

/// `_PySlice_GetLongIndices`-style component.
fn long_index(
    vm: &Vm,
    v: Obj,
    dflt: &BigInt,
    lower: &BigInt,
    upper: &BigInt,
    len: &BigInt,
) -> PyResult<BigInt> {
    if v.is_none() {
        return Ok(dflt.clone());
    }
    if !sm::is_index(v) {
        return Err(
            vm.type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let mut x = big(abs::index(vm, v)?);
    if x.is_negative() {
        x = x.add(len);
        if x < *lower {
            x = lower.clone();
        }
    } else if x > *upper {
        x = upper.clone();
    }
    Ok(x)
}

fn range_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    let r = r_of(vm, o)?;
    if sm::is_index(k) {
        if let (Some(i), Some(n)) = (k.as_small(), r.length.as_small()) {
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(vm.index_error("range object index out of range"));
            }
            if let (Some(a), Some(s)) = (r.start.as_small(), r.step.as_small()) {
                return int::new_i64(vm, (a as i128 + j as i128 * s as i128) as i64);
            }
        }
        let mut i = big(abs::index(vm, k)?);
        let n = big(r.length);
        if i.is_negative() {
            i = i.add(&n);
        }
        if i.is_negative() || i >= n {
            return Err(vm.index_error("range object index out of range"));
        }
        return item(vm, r, &i);
    }
    if let Some(sl) = k.downcast::<slice::SliceObj>() {
        let len = big(r.length);
        let step = if sl.step.is_none() {
            BigInt::one()
        } else {
            if !sm::is_index(sl.step) {
                return Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ));
            }
            big(abs::index(vm, sl.step)?)
        };
        if step.is_zero() {
            return Err(vm.value_error("slice step cannot be zero"));
        }
        let neg = step.is_negative();
        let (lower, upper) = if neg {
            (BigInt::from_i64(-1), len.sub(&BigInt::one()))
        } else {
            (BigInt::from_i64(0), len.clone())
        };
        let a = long_index(
            vm,
            sl.start,
            if neg { &upper } else { &lower },
            &lower,
            &upper,
            &len,
        )?;
        let b = long_index(
            vm,
            sl.stop,
            if neg { &lower } else { &upper },
            &lower,
            &upper,
            &len,
        )?;
        let (rs, rst) = (big(r.start), big(r.step));
        let start = int::from_bigint(vm, &rs.add(&a.mul(&rst)))?;
        let stop = int::from_bigint(vm, &rs.add(&b.mul(&rst)))?;
        let st = int::from_bigint(vm, &rst.mul(&step))?;
        return make(vm, start, stop, st);
    }
    Err(vm.type_error(&alloc::format!(
        "range indices must be integers or slices, not {}",
        k.ty().name()
    )))
}

/// Position of int `k` in the range, if present.
fn int_position(r: &RangeObj, k: Obj) -> Option<BigInt> {
    if let (Some(a), Some(b), Some(s), Some(x)) = (
        r.start.as_small(),
        r.stop.as_small(),
        r.step.as_small(),
        k.as_small(),
    ) {
        let inside = if s > 0 {
            a <= x && x < b
        } else {
            b < x && x <= a
        };
        if inside && (x as i128 - a as i128) % s as i128 == 0 {
            return Some(BigInt::from_i64(
                ((x as i128 - a as i128) / s as i128) as i64,
            ));
        }
        return None;
    }
    let (a, b, s, x) = (big(r.start), big(r.stop), big(r.step), big(k));
    let inside = if s.is_negative() {
        b < x && x <= a
    } else {
        a <= x && x < b
    };
    if !inside {
        return None;
    }
    let (q, rem) = x.sub(&a).divmod_floor(&s).ok()?;
    if rem.is_zero() {
        Some(q)
    } else {
        None
    }
}

fn is_exact_int(k: Obj) -> bool {
    k.is_small() || k.ty().is(&int::INT_TYPE) || k.ty().is(&int::BOOL_TYPE)
}

fn range_contains(vm: &Vm, o: Obj, k: Obj) -> PyResult<bool> {
    let r = r_of(vm, o)?;
    if is_exact_int(k) {
        return Ok(int_position(r, k).is_some());
    }
    let it = range_iter(vm, o)?;
    while let Some(x) = abs::next(vm, it)? {
        if abs::eq(vm, x, k)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_count(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let k = onearg(vm, args, "range.count")?;
    let o = args.pos[0];
    let r = r_of(vm, o)?;
    if is_exact_int(k) {
        return Ok(Obj::small(int_position(r, k).is_some() as isize));
    }
    let (it, mut n) = (range_iter(vm, o)?, 0);
    while let Some(x) = abs::next(vm, it)? {
        if abs::eq(vm, x, k)? {
            n += 1;
        }
    }
    Ok(Obj::small(n))
}

fn range_index(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let k = onearg(vm, args, "range.index")?;
    let o = args.pos[0];
    let r = r_of(vm, o)?;
    if is_exact_int(k) {
        if let Some(p) = int_position(r, k) {
            return int::from_bigint(vm, &p);
        }
    } else {
        let (it, mut n) = (range_iter(vm, o)?, 0);
        while let Some(x) = abs::next(vm, it)? {
            if abs::eq(vm, x, k)? {
                return Ok(Obj::small(n));
            }
            n += 1;
        }
        return Err(vm.value_error("sequence.index(x): x not in sequence"));
    }
    let s = abs::repr_string(vm, k)?;
    Err(vm.value_error(&alloc::format!("{} is not in range", s)))
}

fn range_reversed(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "range.__reversed__")?;
    let r = r_of(vm, args.pos[0])?;
    let n = big(r.length);
    if n.is_zero() {
        return iter_from(vm, r.start, r.step, r.length);
    }
    let last = item(vm, r, &n.sub(&BigInt::one()))?;
    let st = int::from_bigint(vm, &big(r.step).neg())?;
    iter_from(vm, last, st, r.length)
}

fn range_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let r = r_of(vm, o)?;
    let (a, b) = (
        abs::repr_string(vm, r.start)?,
        abs::repr_string(vm, r.stop)?,
    );
    if r.step.as_small() == Some(1) {
        vm.new_string(alloc::format!("range({}, {})", a, b))
    } else {
        let c = abs::repr_string(vm, r.step)?;
        vm.new_string(alloc::format!("range({}, {}, {})", a, b, c))
    }
}

fn range_richcmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    let Some(y) = b.downcast::<RangeObj>() else {
        return Ok(not_implemented());
    };
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(not_implemented());
    }
    let x = r_of(vm, a)?;
    let eq = a.is(b) || {
        let n = big(x.length);
        if n != big(y.length) {
            false
        } else if n.is_zero() {
            true
        } else if big(x.start) != big(y.start) {
            false
        } else {
            n.eq_i64(1) || big(x.step) == big(y.step)
        }
    };
    Ok(py_bool(eq == (op == CmpOp::Eq)))
}

fn range_hash(vm: &Vm, o: Obj) -> PyResult<isize> {
    let r = r_of(vm, o)?;
    let n = big(r.length);
    let t = if n.is_zero() {
        tuple::new(vm, &[r.length, none(), none()])?
    } else if n.eq_i64(1) {
        tuple::new(vm, &[r.length, r.start, none()])?
    } else {
        tuple::new(vm, &[r.length, r.start, r.step])?
    };
    abs::hash(vm, t)
}

fn get_start(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(r_of(vm, o)?.start)
}
fn get_stop(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(r_of(vm, o)?.stop)
}
fn get_step(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(r_of(vm, o)?.step)
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

fn range_iter_next_slot(vm: &Vm, it: Obj) -> PyResult<Option<Obj>> {
    if !it.ty().is(&RANGE_ITER_TYPE) {
        return Err(vm.type_error("range_iterator expected"));
    }
    Ok(range_iter_next(it))
}

fn longrange_next(vm: &Vm, it: Obj) -> PyResult<Option<Obj>> {
    let Some(r) = it
        .downcast::<LongRangeIterObj>()
        .filter(|_| it.ty().is(&LONGRANGE_ITER_TYPE))
    else {
        return Err(vm.type_error("longrange_iterator expected"));
    };
    let left = big(r.left.get());
    if left.is_zero() || left.is_negative() {
        return Ok(None);
    }
    let v = r.next.get();
    r.left.set(int::from_bigint(vm, &left.sub(&BigInt::one()))?);
    r.next.set(int::from_bigint(vm, &big(v).add(&big(r.step)))?);
    Ok(Some(v))
}

fn iter_length_hint(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "__length_hint__")?;
    let o = args.pos[0];
    if o.ty().is(&RANGE_ITER_TYPE) {
        // SAFETY: type checked.
        let r = unsafe { o.cast::<RangeIterObj>() };
        return int::new_i64(vm, r.left.get() as i64);
    }
    match o.downcast::<LongRangeIterObj>() {
        Some(r) if o.ty().is(&LONGRANGE_ITER_TYPE) => Ok(r.left.get()),
        _ => Err(vm.type_error("range iterator expected")),
    }
}

fn self_iter(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(o)
}

static RANGE_ATTRS: [AttrEntry; 15] = [
    getset!("start", get_start),
    getset!("stop", get_stop),
    getset!("step", get_step),
    method!("count", range_count),
    method!("index", range_index),
    method!("__reversed__", range_reversed),
    method!("__len__", sm::w_len),
    method!("__getitem__", sm::w_getitem),
    method!("__contains__", sm::w_contains),
    method!("__iter__", sm::w_iter),
    method!("__repr__", sm::w_repr),
    method!("__hash__", sm::w_hash),
    method!("__eq__", sm::w_eq),
    method!("__ne__", sm::w_ne),
    crate::staticmethod!("__new__", sm::w_new),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static RANGE_TYPE: TypeObj = TypeObj::builtin(
    "range",
    Layout::Range,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        new: Some(range_new),
        iter: Some(range_iter),
        len: Some(range_len),
        bool: Some(range_bool),
        getitem: Some(range_getitem),
        contains: Some(range_contains),
        repr: Some(range_repr),
        richcmp: Some(range_richcmp),
        hash: Some(range_hash),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &RANGE_ATTRS,
    core::mem::size_of::<RangeObj>(),
    0,
);

static ITER_ATTRS: [AttrEntry; 3] = [
    method!("__length_hint__", iter_length_hint),
    method!("__next__", sm::w_next),
    method!("__iter__", sm::w_iter),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
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
    &ITER_ATTRS,
    core::mem::size_of::<RangeIterObj>(),
    0,
);

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static LONGRANGE_ITER_TYPE: TypeObj = TypeObj::builtin(
    "longrange_iterator",
    Layout::Iter,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        iter: Some(self_iter),
        iternext: Some(longrange_next),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &ITER_ATTRS,
    core::mem::size_of::<LongRangeIterObj>(),
    0,
);
