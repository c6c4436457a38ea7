//! `tuple`: immutable sequence, items stored inline after the header.
#![allow(unsafe_code)]

use super::{Layout, Obj, ObjHead, PyPayload, TypeObj};
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

#[repr(C)]
pub struct TupleObj {
    pub head: ObjHead,
    pub len: usize,
    /// Cached hash (-1: not computed).
    pub hash: Cell<isize>,
    items: [Obj; 0],
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for TupleObj {
    const LAYOUT: Layout = Layout::Tuple;
}

/// A tuple in flash: the layout of [`TupleObj`] followed by its items
/// (object addresses, or small-int words, known at link time). The build
/// script generates one per distinct name tuple and all-constant `co_consts`
/// of the frozen modules (the static tuple pool, beside the static string
/// pool of `str.rs`); the code loader takes them instead of allocating.
/// Their hash is never cached (`seqmethods::tuple_hash`), so nothing
/// writes them.
#[repr(C)]
pub struct StaticTuple<const N: usize> {
    head: ObjHead,
    len: usize,
    hash: isize,
    items: [*const u8; N],
}

// SAFETY: immutable statics; the pointers are to other immutable statics.
unsafe impl<const N: usize> Sync for StaticTuple<N> {}

impl<const N: usize> StaticTuple<N> {
    pub const fn new(items: [*const u8; N]) -> Self {
        StaticTuple {
            head: ObjHead::immortal(&TUPLE_TYPE),
            len: N,
            hash: -1,
            items,
        }
    }
}

const _: () =
    assert!(core::mem::offset_of!(StaticTuple<1>, items) == core::mem::size_of::<TupleObj>());
const _: () =
    assert!(core::mem::offset_of!(StaticTuple<1>, hash) == core::mem::offset_of!(TupleObj, hash));

/// The static tuple pool: `(key, tuple)` sorted by key
/// (`strhash::tuple_key` of the items).
pub struct TuplePool(pub &'static [(u32, *const u8)]);
// SAFETY: immutable statics.
unsafe impl Sync for TuplePool {}

/// A static tuple with key `key` whose items satisfy `same`, if any.
pub fn static_lookup(key: u32, same: impl Fn(&[Obj]) -> bool) -> Option<Obj> {
    let pool = super::str::TUPLE_POOL.0;
    let mut i = pool.partition_point(|e| e.0 < key);
    while let Some(&(k, p)) = pool.get(i) {
        if k != key {
            break;
        }
        // SAFETY: pool entries point at `StaticTuple` statics.
        let o = unsafe { Obj::from_ptr(p) };
        if same(tuple_items(o)) {
            return Some(o);
        }
        i += 1;
    }
    None
}

/// Is `o` a tuple of the static pool (never written, not even its hash)?
pub fn is_static(o: Obj) -> bool {
    !crate::gc::in_heap(o.as_ptr() as *const u8)
}

/// A new tuple holding `items`.
pub fn new(vm: &Vm, items: &[Obj]) -> PyResult<Obj> {
    new_typed(vm, &TUPLE_TYPE, items)
}

/// A new tuple of type `t` (tuple or a subclass).
pub fn new_typed(vm: &Vm, t: &'static TypeObj, items: &[Obj]) -> PyResult<Obj> {
    let o = alloc(vm, t, items.len())?;
    // SAFETY: `alloc` made room for items.len() slots.
    unsafe {
        let p = (o.as_ptr() as *mut TupleObj).add(1) as *mut Obj;
        core::ptr::copy_nonoverlapping(items.as_ptr(), p, items.len());
    }
    Ok(o)
}

/// Allocate a tuple of `n` slots, all set to None; fill with [`set_item`].
pub fn alloc(vm: &Vm, t: &'static TypeObj, n: usize) -> PyResult<Obj> {
    let extra = if t.dictoffset == usize::MAX {
        core::mem::size_of::<usize>()
    } else {
        0
    };
    let size = core::mem::size_of::<TupleObj>() + n * core::mem::size_of::<Obj>() + extra;
    let o = vm.alloc_obj_sized(
        TupleObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            len: n,
            hash: Cell::new(-1),
            items: [],
        },
        size,
    )?;
    // SAFETY: room for n slots follows the header.
    unsafe {
        let p = (o.as_ptr() as *mut TupleObj).add(1) as *mut Obj;
        for i in 0..n {
            p.add(i).write(super::none());
        }
    }
    Ok(o)
}

/// Set slot `i` of a tuple that is still being built.
pub fn set_item(t: Obj, i: usize, v: Obj) {
    let items = tuple_items(t);
    if i < items.len() {
        // SAFETY: i < len; the tuple is not yet shared.
        unsafe { (items.as_ptr() as *mut Obj).add(i).write(v) };
    }
}

/// The items of a tuple (or tuple subclass); empty for anything else.
#[inline]
pub fn tuple_items(o: Obj) -> &'static [Obj] {
    match o.downcast::<TupleObj>() {
        // SAFETY: a tuple has `len` items after its header.
        Some(t) => unsafe {
            core::slice::from_raw_parts((t as *const TupleObj).add(1) as *const Obj, t.len)
        },
        None => &[],
    }
}

#[inline]
pub fn is_tuple(o: Obj) -> bool {
    o.downcast::<TupleObj>().is_some()
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static TUPLE_TYPE: TypeObj = TypeObj::builtin(
    "tuple",
    Layout::Tuple,
    Some(&super::typeobj::OBJECT_TYPE),
    super::seqmethods::TUPLE_SLOTS,
    &super::seqmethods::TUPLE_ATTRS,
    core::mem::size_of::<TupleObj>(),
    super::tpflags::BASETYPE,
);
