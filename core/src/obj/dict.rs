//! `dict`: insertion-ordered hash table (CPython's compact layout).
//!
//! Representation: an `entries` array of `(hash, key, value)` in insertion
//! order (deleted entries keep their place with `key = None` until the next
//! resize), plus, above `LINEAR_MAX` entries, an open-addressing `index`
//! table of `i32` (`-1` empty, `-2` deleted) pointing into `entries`. Small
//! dicts (most instance dicts and keyword sets) have no index and are
//! searched linearly by hash, which saves RAM.
//!
//! Lookups that call a Python `__eq__` re-check that the table was not
//! replaced under them and restart if it was.
#![allow(unsafe_code)]

use super::{str as pystr, Layout, Obj, ObjHead, PyPayload, TypeObj};
use crate::vm::{abs, PyResult, Vm};
use alloc::vec::Vec;
use core::cell::Cell;
use core::sync::atomic::{AtomicUsize, Ordering};

pub const LINEAR_MAX: usize = 8;
const EMPTY: i32 = -1;
const DUMMY: i32 = -2;

#[repr(C)]
pub struct Entry {
    pub hash: isize,
    pub key: Option<Obj>,
    pub value: Option<Obj>,
}

#[repr(C)]
pub struct DictObj {
    pub head: ObjHead,
    pub len: Cell<usize>,
    pub used: Cell<usize>,
    pub cap: Cell<usize>,
    pub index_size: Cell<usize>,
    pub entries: Cell<*mut Entry>,
    pub index: Cell<*mut i32>,
    /// A new value from one counter shared by all dicts on every
    /// insertion/deletion (iteration checks it; the LOAD_GLOBAL cache relies
    /// on no two dicts ever having the same version).
    pub version: Cell<usize>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for DictObj {
    const LAYOUT: Layout = Layout::Dict;
}

#[inline]
fn d_of(o: Obj) -> &'static DictObj {
    o.downcast::<DictObj>().expect("dict expected")
}

/// Is `o` a dict (or subclass)?
#[inline]
pub fn is_dict(o: Obj) -> bool {
    o.downcast::<DictObj>().is_some()
}

/// A new empty dict.
pub fn new(vm: &Vm) -> PyResult<Obj> {
    new_typed(vm, &DICT_TYPE)
}

/// A new empty dict of type `t` (a dict subclass).
pub fn new_typed(vm: &Vm, t: &'static TypeObj) -> PyResult<Obj> {
    let d = DictObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: t,
        },
        len: Cell::new(0),
        used: Cell::new(0),
        cap: Cell::new(0),
        index_size: Cell::new(0),
        entries: Cell::new(core::ptr::null_mut()),
        index: Cell::new(core::ptr::null_mut()),
        version: Cell::new(next_version()),
    };
    vm.alloc_obj_sized(d, t.basicsize)
}

/// Number of items.
#[inline]
pub fn len(o: Obj) -> usize {
    d_of(o).len.get()
}

impl DictObj {
    #[inline]
    fn entry(&self, i: usize) -> &Entry {
        // SAFETY: callers pass i < used <= cap; entries has cap elements.
        unsafe { &*self.entries.get().add(i) }
    }
    #[inline]
    fn entry_mut(&self, i: usize) -> *mut Entry {
        // SAFETY: as in `entry`.
        unsafe { self.entries.get().add(i) }
    }
    #[inline]
    fn idx(&self, slot: usize) -> i32 {
        // SAFETY: slot < index_size.
        unsafe { *self.index.get().add(slot) }
    }
    #[inline]
    fn set_idx(&self, slot: usize, v: i32) {
        // SAFETY: slot < index_size.
        unsafe { *self.index.get().add(slot) = v }
    }
}

/// The hash of a key (TypeError for unhashable keys).
#[inline]
pub fn hash_key(vm: &Vm, k: Obj) -> PyResult<isize> {
    abs::hash(vm, k)
}

#[allow(dead_code)]
enum Found {
    At(usize),
    Missing(Option<usize>),
}

/// Find `key`: entry position, or (for indexed dicts) the index slot where
/// it would be inserted.
fn find(vm: &Vm, o: Obj, key: Obj, hash: isize) -> PyResult<Found> {
    'restart: loop {
        let d = d_of(o);
        let entries = d.entries.get();
        if d.index_size.get() == 0 {
            for i in 0..d.used.get() {
                let e = d.entry(i);
                if let Some(k) = e.key {
                    if k.is(key) {
                        return Ok(Found::At(i));
                    }
                    if e.hash == hash && keys_equal_slow(vm, k, key)? {
                        if d.entries.get() != entries {
                            continue 'restart;
                        }
                        return Ok(Found::At(i));
                    }
                    if d.entries.get() != entries {
                        continue 'restart;
                    }
                }
            }
            return Ok(Found::Missing(None));
        }
        let mask = d.index_size.get() - 1;
        let mut slot = (hash as usize) & mask;
        let mut perturb = hash as usize;
        let mut free: Option<usize> = None;
        loop {
            let ix = d.idx(slot);
            if ix == EMPTY {
                return Ok(Found::Missing(Some(free.unwrap_or(slot))));
            }
            if ix == DUMMY {
                if free.is_none() {
                    free = Some(slot);
                }
            } else {
                let e = d.entry(ix as usize);
                if let Some(k) = e.key {
                    if k.is(key) {
                        return Ok(Found::At(ix as usize));
                    }
                    if e.hash == hash {
                        let eq = keys_equal_slow(vm, k, key)?;
                        if d.entries.get() != entries || d.index.get().is_null() {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Found::At(ix as usize));
                        }
                    }
                }
            }
            perturb >>= 5;
            slot = (slot.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
    }
}

#[inline]
fn keys_equal_slow(vm: &Vm, a: Obj, b: Obj) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (pystr::as_str(a), pystr::as_str(b)) {
        return Ok(x == y);
    }
    abs::eq(vm, a, b)
}

/// `d[key]` or `None` when missing (no KeyError raised).
pub fn get(vm: &Vm, o: Obj, key: Obj) -> PyResult<Option<Obj>> {
    let d = d_of(o);
    if d.len.get() == 0 {
        // Still hash it: unhashable keys raise even on empty dicts.
        hash_key(vm, key)?;
        return Ok(None);
    }
    let h = hash_key(vm, key)?;
    match find(vm, o, key, h)? {
        Found::At(i) => Ok(d_of(o).entry(i).value),
        Found::Missing(_) => Ok(None),
    }
}

/// Look up a str key given as Rust text (no allocation).
pub fn get_str(_vm: &Vm, o: Obj, key: &str) -> PyResult<Option<Obj>> {
    let d = d_of(o);
    if d.len.get() == 0 {
        return Ok(None);
    }
    let h = pystr::hash_str(key);
    let matches = |e: &Entry| -> bool {
        e.hash == h
            && e.key
                .and_then(pystr::as_str)
                .map(|s| s == key)
                .unwrap_or(false)
    };
    if d.index_size.get() == 0 {
        for i in 0..d.used.get() {
            let e = d.entry(i);
            if matches(e) {
                return Ok(e.value);
            }
        }
        return Ok(None);
    }
    let mask = d.index_size.get() - 1;
    let mut slot = (h as usize) & mask;
    let mut perturb = h as usize;
    loop {
        let ix = d.idx(slot);
        if ix == EMPTY {
            return Ok(None);
        }
        if ix >= 0 {
            let e = d.entry(ix as usize);
            if matches(e) {
                return Ok(e.value);
            }
        }
        perturb >>= 5;
        slot = (slot.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
    }
}

/// Set `d[key] = value`.
pub fn set(vm: &Vm, o: Obj, key: Obj, value: Obj) -> PyResult<()> {
    let h = hash_key(vm, key)?;
    set_with_hash(vm, o, key, h, value)
}

pub fn set_with_hash(vm: &Vm, o: Obj, key: Obj, h: isize, value: Obj) -> PyResult<()> {
    match find(vm, o, key, h)? {
        Found::At(i) => {
            // SAFETY: i < used.
            unsafe { (*d_of(o).entry_mut(i)).value = Some(value) };
            Ok(())
        }
        Found::Missing(_) => insert_new(vm, o, key, h, value),
    }
}

fn insert_new(vm: &Vm, o: Obj, key: Obj, h: isize, value: Obj) -> PyResult<()> {
    let d = d_of(o);
    if d.used.get() >= d.cap.get() {
        // Double small tables; grow large ones by half, so that a big dict
        // (the intern table, a module's namespace) asks a small heap for a
        // smaller contiguous block.
        let n = d.len.get() + 1;
        resize(vm, o, if n < 128 { n * 2 } else { n + n / 2 })?;
    }
    let d = d_of(o);
    let i = d.used.get();
    // SAFETY: i < cap after the resize.
    unsafe {
        d.entry_mut(i).write(Entry {
            hash: h,
            key: Some(key),
            value: Some(value),
        })
    };
    d.used.set(i + 1);
    d.len.set(d.len.get() + 1);
    d.version.set(next_version());
    if d.index_size.get() != 0 {
        insert_index(d, h, i);
    }
    Ok(())
}

fn insert_index(d: &DictObj, h: isize, i: usize) {
    let mask = d.index_size.get() - 1;
    let mut slot = (h as usize) & mask;
    let mut perturb = h as usize;
    loop {
        let ix = d.idx(slot);
        if ix < 0 {
            d.set_idx(slot, i as i32);
            return;
        }
        perturb >>= 5;
        slot = (slot.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
    }
}

/// Rebuild with room for `want` entries, dropping deleted ones.
fn resize(vm: &Vm, o: Obj, want: usize) -> PyResult<()> {
    let cap = want.max(4);
    let new_entries = vm.alloc_raw(cap * core::mem::size_of::<Entry>(), 0)? as *mut Entry;
    let index_size = if cap > LINEAR_MAX {
        (cap * 3 / 2).next_power_of_two()
    } else {
        0
    };
    let new_index = if index_size > 0 {
        let p = vm.alloc_raw(index_size * 4, crate::gc::kind::NOSCAN)? as *mut i32;
        // SAFETY: fresh block of index_size i32s.
        unsafe { core::ptr::write_bytes(p as *mut u8, 0xff, index_size * 4) };
        p
    } else {
        core::ptr::null_mut()
    };
    let d = d_of(o);
    let mut n = 0;
    for i in 0..d.used.get() {
        let e = d.entry(i);
        if e.key.is_some() {
            // SAFETY: n < len <= cap.
            unsafe {
                new_entries.add(n).write(Entry {
                    hash: e.hash,
                    key: e.key,
                    value: e.value,
                })
            };
            n += 1;
        }
    }
    let old_e = d.entries.get();
    let old_i = d.index.get();
    d.entries.set(new_entries);
    d.index.set(new_index);
    d.index_size.set(index_size);
    d.cap.set(cap);
    d.used.set(n);
    d.len.set(n);
    if index_size > 0 {
        for i in 0..n {
            insert_index(d, d.entry(i).hash, i);
        }
    }
    crate::gc::free(old_e as *mut u8);
    crate::gc::free(old_i as *mut u8);
    Ok(())
}

/// Delete `key`; `Ok(false)` when it was missing.
pub fn del(vm: &Vm, o: Obj, key: Obj) -> PyResult<bool> {
    let h = hash_key(vm, key)?;
    Ok(pop_with_hash(vm, o, key, h)?.is_some())
}

/// Remove and return `d[key]`, `None` when missing.
pub fn pop(vm: &Vm, o: Obj, key: Obj) -> PyResult<Option<Obj>> {
    let h = hash_key(vm, key)?;
    pop_with_hash(vm, o, key, h)
}

fn pop_with_hash(vm: &Vm, o: Obj, key: Obj, h: isize) -> PyResult<Option<Obj>> {
    if d_of(o).len.get() == 0 {
        return Ok(None);
    }
    match find(vm, o, key, h)? {
        Found::At(i) => {
            let d = d_of(o);
            let e = d.entry_mut(i);
            // SAFETY: i < used.
            let v = unsafe {
                let v = (*e).value;
                (*e).key = None;
                (*e).value = None;
                v
            };
            if d.index_size.get() != 0 {
                let mask = d.index_size.get() - 1;
                let mut slot = (h as usize) & mask;
                let mut perturb = h as usize;
                loop {
                    let ix = d.idx(slot);
                    if ix == i as i32 {
                        d.set_idx(slot, DUMMY);
                        break;
                    }
                    if ix == EMPTY {
                        break;
                    }
                    perturb >>= 5;
                    slot = (slot.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
                }
            }
            d.len.set(d.len.get() - 1);
            d.version.set(next_version());
            // Trailing deleted entries can be reused at once.
            while d.used.get() > 0
                && d.entry(d.used.get() - 1).key.is_none()
                && d.index_size.get() == 0
            {
                d.used.set(d.used.get() - 1);
            }
            Ok(v)
        }
        Found::Missing(_) => Ok(None),
    }
}

/// Remove every item.
pub fn clear(o: Obj) {
    let d = d_of(o);
    let e = d.entries.get();
    let i = d.index.get();
    d.entries.set(core::ptr::null_mut());
    d.index.set(core::ptr::null_mut());
    d.cap.set(0);
    d.used.set(0);
    d.len.set(0);
    d.index_size.set(0);
    d.version.set(next_version());
    crate::gc::free(e as *mut u8);
    crate::gc::free(i as *mut u8);
}

/// The item at entry position `i` (`None` for a deleted entry or `i` past
/// the end). Iterate `i` in `0..used(o)`.
#[inline]
pub fn entry_at(o: Obj, i: usize) -> Option<(Obj, Obj)> {
    let d = d_of(o);
    if i >= d.used.get() {
        return None;
    }
    let e = d.entry(i);
    match (e.key, e.value) {
        (Some(k), Some(v)) => Some((k, v)),
        _ => None,
    }
}

/// Replace the key and value stored at entry position `i` by equal objects
/// (the C API boxes small ints in place so that borrowed references stay
/// valid as long as the dict). The hash is kept: `key` must hash and compare
/// equal to the key it replaces. Does nothing for a deleted entry.
pub fn replace_entry_at(o: Obj, i: usize, key: Obj, value: Obj) {
    let d = d_of(o);
    if i >= d.used.get() || d.entry(i).key.is_none() {
        return;
    }
    // SAFETY: i < used <= cap; no reference into the entry is held.
    unsafe {
        let e = d.entry_mut(i);
        (*e).key = Some(key);
        (*e).value = Some(value);
    }
}

/// Number of entry positions (live and deleted).
#[inline]
pub fn used(o: Obj) -> usize {
    d_of(o).used.get()
}

#[inline]
pub fn version(o: Obj) -> usize {
    d_of(o).version.get()
}

/// The counter behind every dict's `version`.
static VERSIONS: AtomicUsize = AtomicUsize::new(0);

#[inline]
fn next_version() -> usize {
    // (One thread: a plain load and store are enough.)
    let v = VERSIONS.load(Ordering::Relaxed).wrapping_add(1);
    VERSIONS.store(v, Ordering::Relaxed);
    v
}

/// Position of `key`'s entry (for [`value_at`]), or None.
pub fn find_index(vm: &Vm, o: Obj, key: Obj) -> PyResult<Option<usize>> {
    if d_of(o).len.get() == 0 {
        return Ok(None);
    }
    let h = hash_key(vm, key)?;
    Ok(match find(vm, o, key, h)? {
        Found::At(i) => Some(i),
        Found::Missing(_) => None,
    })
}

/// The value of entry `i` if its key is the str `key` (the same object, or
/// equal text); None otherwise (the entry moved, or was deleted).
#[inline]
pub fn value_at(o: Obj, i: usize, key: Obj) -> Option<Obj> {
    let d = d_of(o);
    if i >= d.used.get() {
        return None;
    }
    let e = d.entry(i);
    let k = e.key?;
    if k.is(key) || (pystr::as_str(k).is_some() && pystr::as_str(k) == pystr::as_str(key)) {
        e.value
    } else {
        None
    }
}

pub fn keys_vec(o: Obj) -> Vec<Obj> {
    (0..used(o))
        .filter_map(|i| entry_at(o, i))
        .map(|(k, _)| k)
        .collect()
}
pub fn values_vec(o: Obj) -> Vec<Obj> {
    (0..used(o))
        .filter_map(|i| entry_at(o, i))
        .map(|(_, v)| v)
        .collect()
}
pub fn items_vec(o: Obj) -> Vec<(Obj, Obj)> {
    (0..used(o)).filter_map(|i| entry_at(o, i)).collect()
}

/// A shallow copy (always a plain dict).
pub fn copy(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let n = new(vm)?;
    update(vm, n, o)?;
    Ok(n)
}

/// `d.update(other)` where `other` is a dict.
pub fn update(vm: &Vm, d: Obj, other: Obj) -> PyResult<()> {
    let mut i = 0;
    while i < used(other) {
        if let Some((k, v)) = entry_at(other, i) {
            let h = d_of(other).entry(i).hash;
            set_with_hash(vm, d, k, h, v)?;
        }
        i += 1;
    }
    Ok(())
}

/// Set a str key given as Rust text.
pub fn set_str(vm: &Vm, d: Obj, key: &str, v: Obj) -> PyResult<()> {
    let k = vm.intern(key)?;
    set(vm, d, k, v)
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static DICT_TYPE: TypeObj = TypeObj::builtin(
    "dict",
    Layout::Dict,
    Some(&super::typeobj::OBJECT_TYPE),
    super::Slots {
        ..super::dictmethods::SLOTS
    },
    &super::dictmethods::ATTRS,
    core::mem::size_of::<DictObj>(),
    super::tpflags::BASETYPE,
);
