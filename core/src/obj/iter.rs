//! Iterator objects over builtin sequences, and the generic sequence
//! iterator (for classes with only `__getitem__`).

use super::{exc, list, none, tuple, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj};
use crate::vm::{abs, PyResult, Vm};
use core::cell::Cell;

/// Index-based iterator: `seq[idx]`, `idx += 1`.
#[repr(C)]
pub struct SeqIterObj {
    pub head: ObjHead,
    pub seq: Cell<Option<Obj>>,
    pub idx: Cell<usize>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for SeqIterObj {
    const LAYOUT: Layout = Layout::Iter;
}

fn new_iter(vm: &Vm, ty: &'static TypeObj, seq: Obj) -> PyResult<Obj> {
    vm.alloc_obj(SeqIterObj { head: ObjHead { refcnt: Cell::new(0), ty }, seq: Cell::new(Some(seq)), idx: Cell::new(0) })
}

pub fn new_seq_iter(vm: &Vm, seq: Obj) -> PyResult<Obj> {
    new_iter(vm, &SEQ_ITER_TYPE, seq)
}
pub fn new_list_iter(vm: &Vm, seq: Obj) -> PyResult<Obj> {
    new_iter(vm, &LIST_ITER_TYPE, seq)
}
pub fn new_tuple_iter(vm: &Vm, seq: Obj) -> PyResult<Obj> {
    new_iter(vm, &TUPLE_ITER_TYPE, seq)
}

#[inline]
fn it_of(o: Obj) -> &'static SeqIterObj {
    o.downcast::<SeqIterObj>().expect("iterator")
}

/// FOR_ITER fast path: `Some(next)` for list/tuple iterators, `None` when
/// the generic path must be used.
#[inline(always)]
pub fn fast_next(it: Obj) -> Option<Option<Obj>> {
    if it.is_small() {
        return None;
    }
    let t = it.ty();
    if t.is(&LIST_ITER_TYPE) {
        let i = it_of(it);
        let Some(s) = i.seq.get() else { return Some(None) };
        let k = i.idx.get();
        return match list::get(s, k) {
            Some(v) => {
                i.idx.set(k + 1);
                Some(Some(v))
            }
            None => {
                i.seq.set(None);
                Some(None)
            }
        };
    }
    if t.is(&TUPLE_ITER_TYPE) {
        let i = it_of(it);
        let Some(s) = i.seq.get() else { return Some(None) };
        let k = i.idx.get();
        return match tuple::tuple_items(s).get(k) {
            Some(v) => {
                i.idx.set(k + 1);
                Some(Some(*v))
            }
            None => {
                i.seq.set(None);
                Some(None)
            }
        };
    }
    if t.is(&super::range::RANGE_ITER_TYPE) {
        return Some(super::range::range_iter_next(it));
    }
    None
}

fn fast_iternext(_vm: &Vm, it: Obj) -> PyResult<Option<Obj>> {
    Ok(fast_next(it).unwrap_or(None))
}

fn seq_iternext(vm: &Vm, it: Obj) -> PyResult<Option<Obj>> {
    let i = it_of(it);
    let Some(s) = i.seq.get() else { return Ok(None) };
    let k = i.idx.get();
    match abs::getitem(vm, s, Obj::small(k as isize)) {
        Ok(v) => {
            i.idx.set(k + 1);
            Ok(Some(v))
        }
        Err(e) => {
            if vm.exc_matches(&exc::INDEX_ERROR) || vm.exc_matches(&exc::STOP_ITERATION) {
                vm.take_exc();
                i.seq.set(None);
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

fn self_iter(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(o)
}

fn length_hint(vm: &Vm, args: &super::Args) -> PyResult<Obj> {
    args.check(vm, "__length_hint__", 1, 1)?;
    let i = it_of(args.pos[0]);
    let n = match i.seq.get() {
        Some(s) => abs::len(vm, s).unwrap_or(0).saturating_sub(i.idx.get()),
        None => 0,
    };
    Ok(Obj::small(n as isize))
}

static ITER_ATTRS: [super::attr::AttrEntry; 1] = [crate::method!("__length_hint__", length_hint)];

const fn iter_type(name: &'static str, next: super::IterNextFn) -> TypeObj {
    TypeObj::builtin(
        name,
        Layout::Iter,
        Some(&super::typeobj::OBJECT_TYPE),
        Slots {
            iter: Some(self_iter),
            iternext: Some(next),
            getattr: Some(super::typeobj::generic_getattr),
            ..Slots::EMPTY
        },
        &ITER_ATTRS,
        core::mem::size_of::<SeqIterObj>(),
        0,
    )
}

pub static SEQ_ITER_TYPE: TypeObj = iter_type("iterator", seq_iternext);
pub static LIST_ITER_TYPE: TypeObj = iter_type("list_iterator", fast_iternext);
pub static TUPLE_ITER_TYPE: TypeObj = iter_type("tuple_iterator", fast_iternext);

#[allow(dead_code)]
fn unused() -> Obj {
    none()
}

/// Builtin names provided by this module (iterator types such as
/// enumerate, zip, map, filter, reversed).
pub static BUILTINS: [super::attr::AttrEntry; 0] = [];
