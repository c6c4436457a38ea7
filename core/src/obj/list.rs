//! `list`: a growable array of objects in a separate heap block.
#![allow(unsafe_code)]

use super::{Layout, Obj, ObjHead, PyPayload, TypeObj};
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

#[repr(C)]
pub struct ListObj {
    pub head: ObjHead,
    pub len: Cell<usize>,
    pub cap: Cell<usize>,
    pub items: Cell<*mut Obj>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for ListObj {
    const LAYOUT: Layout = Layout::List;
}

#[inline]
fn l_of(o: Obj) -> &'static ListObj {
    o.downcast::<ListObj>().expect("list expected")
}

#[inline]
pub fn is_list(o: Obj) -> bool {
    o.downcast::<ListObj>().is_some()
}

/// A new list holding a copy of `items`.
pub fn new(vm: &Vm, items: &[Obj]) -> PyResult<Obj> {
    new_typed(vm, &LIST_TYPE, items)
}

pub fn new_typed(vm: &Vm, t: &'static TypeObj, items: &[Obj]) -> PyResult<Obj> {
    let o = vm.alloc_obj_sized(
        ListObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            len: Cell::new(0),
            cap: Cell::new(0),
            items: Cell::new(core::ptr::null_mut()),
        },
        t.basicsize,
    )?;
    if !items.is_empty() {
        reserve(vm, o, items.len())?;
        let l = l_of(o);
        // SAFETY: capacity reserved above; items may live on the caller's
        // stack or in another object, never in this new list.
        unsafe { core::ptr::copy_nonoverlapping(items.as_ptr(), l.items.get(), items.len()) };
        l.len.set(items.len());
    }
    Ok(o)
}

/// Make room for `extra` more items.
pub fn reserve(vm: &Vm, o: Obj, extra: usize) -> PyResult<()> {
    let l = l_of(o);
    let need = l.len.get() + extra;
    if need <= l.cap.get() {
        return Ok(());
    }
    let cap = need.max(l.cap.get() + l.cap.get() / 2 + 4);
    let bytes = cap
        .checked_mul(core::mem::size_of::<Obj>())
        .ok_or_else(|| vm.memory_error())?;
    let old = l.items.get();
    let p = if old.is_null() {
        vm.alloc_raw(bytes, 0)?
    } else {
        match crate::gc::realloc(old as *mut u8, bytes, 0) {
            Some(p) => p,
            None => {
                let p = vm.alloc_raw(bytes, 0)?;
                let l = l_of(o);
                // SAFETY: both blocks are live; copy the current items.
                unsafe {
                    core::ptr::copy_nonoverlapping(
                        l.items.get() as *const u8,
                        p,
                        l.len.get() * core::mem::size_of::<Obj>(),
                    )
                };
                crate::gc::free(l.items.get() as *mut u8);
                p
            }
        }
    };
    let l = l_of(o);
    l.items.set(p as *mut Obj);
    l.cap
        .set(crate::gc::size_of(p) / core::mem::size_of::<Obj>());
    Ok(())
}

/// Append one item.
#[inline]
pub fn append(vm: &Vm, o: Obj, v: Obj) -> PyResult<()> {
    let l = l_of(o);
    if l.len.get() == l.cap.get() {
        reserve(vm, o, 1)?;
    }
    let l = l_of(o);
    // SAFETY: len < cap.
    unsafe { l.items.get().add(l.len.get()).write(v) };
    l.len.set(l.len.get() + 1);
    Ok(())
}

#[inline]
pub fn len(o: Obj) -> usize {
    l_of(o).len.get()
}

/// Item `i` (no negative indexing), `None` when out of range.
#[inline]
pub fn get(o: Obj, i: usize) -> Option<Obj> {
    let l = l_of(o);
    if i < l.len.get() {
        // SAFETY: i < len <= cap.
        Some(unsafe { *l.items.get().add(i) })
    } else {
        None
    }
}

/// Replace item `i`; false when out of range.
#[inline]
pub fn set(o: Obj, i: usize, v: Obj) -> bool {
    let l = l_of(o);
    if i < l.len.get() {
        // SAFETY: i < len.
        unsafe { l.items.get().add(i).write(v) };
        true
    } else {
        false
    }
}

/// A snapshot of the items (safe to hold while Python code runs).
pub fn to_vec(o: Obj) -> alloc::vec::Vec<Obj> {
    let l = l_of(o);
    let mut v = alloc::vec::Vec::with_capacity(l.len.get());
    for i in 0..l.len.get() {
        // SAFETY: i < len.
        v.push(unsafe { *l.items.get().add(i) });
    }
    v
}

/// Borrow the items. The slice is invalidated by any mutation of the list,
/// so never call back into Python while holding it.
#[inline]
pub fn items(o: Obj) -> &'static [Obj] {
    let l = l_of(o);
    if l.len.get() == 0 {
        return &[];
    }
    // SAFETY: len items are initialised.
    unsafe { core::slice::from_raw_parts(l.items.get(), l.len.get()) }
}

/// Set the length (items above `n` dropped; `n` must be <= len).
pub fn truncate(o: Obj, n: usize) {
    let l = l_of(o);
    let len = l.len.get();
    if n < len {
        // The dropped slots are zeroed: the collector scans the whole
        // buffer, and stale items would keep dead objects (and their weak
        // references) alive.
        // SAFETY: [n, len) is inside the buffer; zero words are never read
        // as items (they are beyond len).
        unsafe { core::ptr::write_bytes(l.items.get().add(n) as *mut usize, 0, len - n) };
        l.len.set(n);
    }
}

/// Insert at position `i` (clamped).
pub fn insert(vm: &Vm, o: Obj, i: usize, v: Obj) -> PyResult<()> {
    reserve(vm, o, 1)?;
    let l = l_of(o);
    let n = l.len.get();
    let i = i.min(n);
    // SAFETY: capacity for n+1; shifting [i, n) up by one.
    unsafe {
        let p = l.items.get();
        core::ptr::copy(p.add(i), p.add(i + 1), n - i);
        p.add(i).write(v);
    }
    l.len.set(n + 1);
    Ok(())
}

/// Remove and return item `i`.
pub fn remove_at(o: Obj, i: usize) -> Option<Obj> {
    let l = l_of(o);
    let n = l.len.get();
    if i >= n {
        return None;
    }
    // SAFETY: i < n; shifting (i, n) down by one.
    unsafe {
        let p = l.items.get();
        let v = *p.add(i);
        core::ptr::copy(p.add(i + 1), p.add(i), n - i - 1);
        // Zero the vacated last slot (see `truncate`).
        (p.add(n - 1) as *mut usize).write(0);
        l.len.set(n - 1);
        Some(v)
    }
}

/// Replace the whole contents.
pub fn replace_all(vm: &Vm, o: Obj, items: &[Obj]) -> PyResult<()> {
    truncate(o, 0);
    reserve(vm, o, items.len())?;
    let l = l_of(o);
    // SAFETY: capacity reserved; `items` is not this list's buffer (callers
    // pass a snapshot).
    unsafe { core::ptr::copy_nonoverlapping(items.as_ptr(), l.items.get(), items.len()) };
    l.len.set(items.len());
    Ok(())
}

/// Allocated slots.
#[inline]
pub fn capacity(o: Obj) -> usize {
    l_of(o).cap.get()
}

/// Exchange the item storage of two lists.
pub fn swap_storage(a: Obj, b: Obj) {
    let (x, y) = (l_of(a), l_of(b));
    x.len.swap(&y.len);
    x.cap.swap(&y.cap);
    x.items.swap(&y.items);
}

/// Reverse in place.
pub fn reverse(o: Obj) {
    let l = l_of(o);
    if l.len.get() > 1 {
        // SAFETY: len items are initialised; no Python code runs meanwhile.
        unsafe { core::slice::from_raw_parts_mut(l.items.get(), l.len.get()) }.reverse();
    }
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static LIST_TYPE: TypeObj = TypeObj::builtin(
    "list",
    Layout::List,
    Some(&super::typeobj::OBJECT_TYPE),
    super::seqmethods::LIST_SLOTS,
    &super::seqmethods::LIST_ATTRS,
    core::mem::size_of::<ListObj>(),
    super::tpflags::BASETYPE,
);
