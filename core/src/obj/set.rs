//! `set` and `frozenset`: CPython's open-addressing set table (same probe
//! sequence, growth and merge rules, so iteration order matches CPython's).
#![allow(unsafe_code)]

use super::attr::AttrEntry;
use super::seqmethods::{self as sm, check_count, noargs, repr_enter, repr_leave};
use super::{
    dict, none, not_implemented, py_bool, Args, BinOp, CmpOp, Layout, Obj, ObjHead, PyPayload,
    Slots, TypeObj,
};
use crate::vm::{abs, PyResult, Vm};
use crate::{classmethod, method, staticmethod};
use alloc::format;
use core::cell::Cell;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// A table slot: unused (`key None, hash 0`), dummy (`key None, hash -1`)
/// or active.
#[repr(C)]
pub struct Entry {
    key: Option<Obj>,
    hash: isize,
}

#[repr(C)]
pub struct SetObj {
    pub head: ObjHead,
    fill: Cell<usize>,
    used: Cell<usize>,
    mask: Cell<usize>,
    table: Cell<*mut Entry>,
    finger: Cell<usize>,
    hash: Cell<isize>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for SetObj {
    const LAYOUT: Layout = Layout::Set;
}

#[inline]
pub fn is_anyset(o: Obj) -> bool {
    o.downcast::<SetObj>().is_some()
}
fn is_frozen(o: Obj) -> bool {
    o.ty().is_subtype(&FROZENSET_TYPE)
}
fn s_of(o: Obj) -> &'static SetObj {
    o.downcast::<SetObj>().expect("set expected")
}

impl SetObj {
    #[inline]
    #[allow(clippy::mut_from_ref)]
    fn e(&self, i: usize) -> &mut Entry {
        // SAFETY: callers pass i <= mask; the table has mask + 1 entries.
        unsafe { &mut *self.table.get().add(i) }
    }
}

fn alloc_table(vm: &Vm, n: usize) -> PyResult<*mut Entry> {
    Ok(vm.alloc_raw(n * core::mem::size_of::<Entry>(), 0)? as *mut Entry)
}

fn alloc(vm: &Vm, t: &'static TypeObj) -> PyResult<Obj> {
    let table = alloc_table(vm, MINSIZE)?;
    let o = vm.alloc_obj_sized(
        SetObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            fill: Cell::new(0),
            used: Cell::new(0),
            mask: Cell::new(MINSIZE - 1),
            table: Cell::new(table),
            finger: Cell::new(0),
            hash: Cell::new(-1),
        },
        t.basicsize,
    )?;
    Ok(o)
}

fn new_with(vm: &Vm, t: &'static TypeObj, items: &[Obj]) -> PyResult<Obj> {
    let s = alloc(vm, t)?;
    for x in items {
        add(vm, s, *x)?;
    }
    Ok(s)
}

pub fn new(vm: &Vm, items: &[Obj]) -> PyResult<Obj> {
    new_with(vm, &SET_TYPE, items)
}

pub fn new_frozen(vm: &Vm, items: &[Obj]) -> PyResult<Obj> {
    new_with(vm, &FROZENSET_TYPE, items)
}

/// A frozenset constant of compiled code. CPython's compiler rebuilds
/// such a frozenset from its own iteration order (constant merging), which
/// decides the table layout; do the same so iteration order matches.
pub fn new_const_frozen(vm: &Vm, items: &[Obj]) -> PyResult<Obj> {
    let f = new_frozen(vm, items)?;
    let l = abs::to_list(vm, f)?;
    new_from_iter(vm, &FROZENSET_TYPE, l)
}

/// A new set of type `t` holding the items of `iterable`.
pub fn new_from_iter(vm: &Vm, t: &'static TypeObj, iterable: Obj) -> PyResult<Obj> {
    let s = alloc(vm, t)?;
    update(vm, s, iterable)?;
    Ok(s)
}

/// Number of members.
pub fn len(o: Obj) -> usize {
    s_of(o).used.get()
}

fn insert_clean(s: &SetObj, key: Obj, hash: isize) {
    let mask = s.mask.get();
    let mut perturb = hash as usize;
    let mut i = hash as usize & mask;
    loop {
        if s.e(i).key.is_none() {
            *s.e(i) = Entry {
                key: Some(key),
                hash,
            };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if s.e(i + j).key.is_none() {
                    *s.e(i + j) = Entry {
                        key: Some(key),
                        hash,
                    };
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

fn resize(vm: &Vm, o: Obj, minused: usize) -> PyResult<()> {
    let mut size = MINSIZE;
    while size <= minused {
        size <<= 1;
    }
    let s = s_of(o);
    if size == MINSIZE && s.mask.get() == MINSIZE - 1 && s.fill.get() == s.used.get() {
        return Ok(());
    }
    let table = alloc_table(vm, size)?;
    let s = s_of(o);
    let (old, oldmask) = (s.table.get(), s.mask.get());
    s.table.set(table);
    s.mask.set(size - 1);
    for i in 0..=oldmask {
        // SAFETY: the old table has oldmask + 1 entries and is still live.
        let e = unsafe { &*old.add(i) };
        if let Some(k) = e.key {
            insert_clean(s, k, e.hash);
        }
    }
    s.fill.set(s.used.get());
    crate::gc::free(old as *mut u8);
    Ok(())
}

#[inline]
fn keys_eq(vm: &Vm, a: Obj, b: Obj) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (super::str::as_str(a), super::str::as_str(b)) {
        if a.ty().is(&super::str::STR_TYPE) && b.ty().is(&super::str::STR_TYPE) {
            return Ok(x == y);
        }
    }
    abs::eq(vm, a, b)
}

/// Slot of `key` if present.
fn lookup(vm: &Vm, o: Obj, key: Obj, hash: isize) -> PyResult<Option<usize>> {
    'restart: loop {
        let s = s_of(o);
        let mask = s.mask.get();
        let table = s.table.get();
        let mut perturb = hash as usize;
        let mut i = hash as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                let e = s.e(i + j);
                match e.key {
                    None if e.hash == 0 => return Ok(None),
                    Some(k) if e.hash == hash => {
                        if k.is(key) {
                            return Ok(Some(i + j));
                        }
                        let eq = keys_eq(vm, k, key)?;
                        if s.table.get() != table
                            || s.mask.get() != mask
                            || !s.e(i + j).key.map(|x| x.is(k)).unwrap_or(false)
                        {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Some(i + j));
                        }
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
}

/// `set_add_entry`.
fn add_entry(vm: &Vm, o: Obj, key: Obj, hash: isize) -> PyResult<()> {
    'restart: loop {
        let s = s_of(o);
        let mask = s.mask.get();
        let table = s.table.get();
        let mut perturb = hash as usize;
        let mut i = hash as usize & mask;
        let mut free: Option<usize> = None;
        let slot = 'search: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                let e = s.e(i + j);
                match e.key {
                    None if e.hash == 0 => break 'search i + j,
                    None => free = Some(i + j),
                    Some(k) if e.hash == hash => {
                        if k.is(key) {
                            return Ok(());
                        }
                        let eq = keys_eq(vm, k, key)?;
                        if eq {
                            return Ok(());
                        }
                        if s.table.get() != table
                            || s.mask.get() != mask
                            || !s.e(i + j).key.map(|x| x.is(k)).unwrap_or(false)
                        {
                            continue 'restart;
                        }
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        };
        s.hash.set(-1);
        if let Some(f) = free {
            s.used.set(s.used.get() + 1);
            *s.e(f) = Entry {
                key: Some(key),
                hash,
            };
            return Ok(());
        }
        s.fill.set(s.fill.get() + 1);
        s.used.set(s.used.get() + 1);
        *s.e(slot) = Entry {
            key: Some(key),
            hash,
        };
        if s.fill.get() * 5 < mask * 3 {
            return Ok(());
        }
        let u = s.used.get();
        return resize(vm, o, if u > 50000 { u * 2 } else { u * 4 });
    }
}

/// Add `v` (TypeError if unhashable).
pub fn add(vm: &Vm, s: Obj, v: Obj) -> PyResult<()> {
    let h = abs::hash(vm, v)?;
    add_entry(vm, s, v, h)
}

/// Hash of `key`; a `set` key is looked up as a frozenset (CPython rule).
fn key_hash(vm: &Vm, key: Obj) -> PyResult<(Obj, isize)> {
    match abs::hash(vm, key) {
        Ok(h) => Ok((key, h)),
        Err(e) => {
            if is_anyset(key) && vm.exc_matches(&super::exc::TYPE_ERROR) {
                vm.take_exc();
                let f = new_from_iter(vm, &FROZENSET_TYPE, key)?;
                let h = abs::hash(vm, f)?;
                return Ok((f, h));
            }
            Err(e)
        }
    }
}

/// `k in s`.
pub fn contains(vm: &Vm, s: Obj, k: Obj) -> PyResult<bool> {
    let (k, h) = key_hash(vm, k)?;
    Ok(lookup(vm, s, k, h)?.is_some())
}

/// Remove `k`; `false` when absent.
pub fn discard(vm: &Vm, o: Obj, k: Obj) -> PyResult<bool> {
    let (k, h) = key_hash(vm, k)?;
    discard_hashed(vm, o, k, h)
}
fn discard_hashed(vm: &Vm, o: Obj, k: Obj, h: isize) -> PyResult<bool> {
    match lookup(vm, o, k, h)? {
        Some(i) => {
            let s = s_of(o);
            *s.e(i) = Entry {
                key: None,
                hash: -1,
            };
            s.used.set(s.used.get() - 1);
            s.hash.set(-1);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Active entries from slot `i`: `(slot, key, hash)`.
fn next_entry(o: Obj, mut i: usize) -> Option<(usize, Obj, isize)> {
    let s = s_of(o);
    while i <= s.mask.get() {
        let e = s.e(i);
        if let Some(k) = e.key {
            return Some((i, k, e.hash));
        }
        i += 1;
    }
    None
}

fn clear(vm: &Vm, o: Obj) -> PyResult<()> {
    let table = alloc_table(vm, MINSIZE)?;
    let s = s_of(o);
    let old = s.table.get();
    s.table.set(table);
    s.mask.set(MINSIZE - 1);
    s.fill.set(0);
    s.used.set(0);
    s.hash.set(-1);
    crate::gc::free(old as *mut u8);
    Ok(())
}

/// `set_merge`: add all members of set `other`.
fn merge(vm: &Vm, o: Obj, other: Obj) -> PyResult<()> {
    if o.is(other) || len(other) == 0 {
        return Ok(());
    }
    let (s, t) = (s_of(o), s_of(other));
    if (s.fill.get() + t.used.get()) * 5 >= s.mask.get() * 3 {
        resize(vm, o, (s.used.get() + t.used.get()) * 2)?;
    }
    let (s, t) = (s_of(o), s_of(other));
    if s.fill.get() == 0 && s.mask.get() == t.mask.get() && t.fill.get() == t.used.get() {
        for i in 0..=t.mask.get() {
            let e = t.e(i);
            *s.e(i) = Entry {
                key: e.key,
                hash: e.hash,
            };
        }
        s.fill.set(t.fill.get());
        s.used.set(t.used.get());
        s.hash.set(-1);
        return Ok(());
    }
    if s.fill.get() == 0 {
        s.fill.set(t.used.get());
        s.used.set(t.used.get());
        s.hash.set(-1);
        for i in 0..=t.mask.get() {
            let e = t.e(i);
            if let Some(k) = e.key {
                insert_clean(s, k, e.hash);
            }
        }
        return Ok(());
    }
    let mut i = 0;
    while let Some((p, k, h)) = next_entry(other, i) {
        add_entry(vm, o, k, h)?;
        i = p + 1;
    }
    Ok(())
}

/// `set_update_internal`: add the items of any iterable.
pub fn update(vm: &Vm, o: Obj, other: Obj) -> PyResult<()> {
    if is_anyset(other) {
        return merge(vm, o, other);
    }
    if other.ty().is(&dict::DICT_TYPE) {
        let n = dict::len(other);
        let s = s_of(o);
        if (s.fill.get() + n) * 5 >= s.mask.get() * 3 {
            resize(vm, o, (s.used.get() + n) * 2)?;
        }
        let mut i = 0;
        while i < dict::used(other) {
            if let Some((k, _)) = dict::entry_at(other, i) {
                add(vm, o, k)?;
            }
            i += 1;
        }
        return Ok(());
    }
    let it = abs::iter(vm, other)?;
    while let Some(x) = abs::next(vm, it)? {
        add(vm, o, x)?;
    }
    Ok(())
}

/// A new set of `o`'s base kind (set or frozenset) holding `src`'s items.
fn copy_of(vm: &Vm, o: Obj, src: Option<Obj>) -> PyResult<Obj> {
    let t: &'static TypeObj = if is_frozen(o) {
        &FROZENSET_TYPE
    } else {
        &SET_TYPE
    };
    let s = alloc(vm, t)?;
    if let Some(x) = src {
        update(vm, s, x)?;
    }
    Ok(s)
}

fn intersection(vm: &Vm, o: Obj, other: Obj) -> PyResult<Obj> {
    let r = copy_of(vm, o, None)?;
    if is_anyset(other) {
        let (mut a, mut b) = (o, other);
        if len(b) > len(a) {
            core::mem::swap(&mut a, &mut b);
        }
        let mut i = 0;
        while let Some((p, k, h)) = next_entry(b, i) {
            if lookup(vm, a, k, h)?.is_some() {
                add_entry(vm, r, k, h)?;
            }
            i = p + 1;
        }
        return Ok(r);
    }
    let it = abs::iter(vm, other)?;
    while let Some(k) = abs::next(vm, it)? {
        let h = abs::hash(vm, k)?;
        if lookup(vm, o, k, h)?.is_some() {
            add_entry(vm, r, k, h)?;
        }
    }
    Ok(r)
}

fn difference_update(vm: &Vm, o: Obj, other: Obj) -> PyResult<()> {
    if o.is(other) {
        return clear(vm, o);
    }
    if is_anyset(other) {
        let mut i = 0;
        while let Some((p, k, h)) = next_entry(other, i) {
            discard_hashed(vm, o, k, h)?;
            i = p + 1;
        }
    } else {
        let it = abs::iter(vm, other)?;
        while let Some(k) = abs::next(vm, it)? {
            discard(vm, o, k)?;
        }
    }
    let s = s_of(o);
    if s.fill.get() - s.used.get() <= s.mask.get() / 4 {
        return Ok(());
    }
    let u = s.used.get();
    resize(vm, o, if u > 50000 { u * 2 } else { u * 4 })
}

fn difference(vm: &Vm, o: Obj, other: Obj) -> PyResult<Obj> {
    let other_size = if is_anyset(other) {
        len(other)
    } else if other.ty().is(&dict::DICT_TYPE) {
        dict::len(other)
    } else {
        usize::MAX
    };
    if other_size == usize::MAX || (len(o) >> 2) > other_size {
        let r = copy_of(vm, o, Some(o))?;
        difference_update(vm, r, other)?;
        return Ok(r);
    }
    let r = copy_of(vm, o, None)?;
    let mut i = 0;
    while let Some((p, k, h)) = next_entry(o, i) {
        let inside = if is_anyset(other) {
            lookup(vm, other, k, h)?.is_some()
        } else {
            dict::get(vm, other, k)?.is_some()
        };
        if !inside {
            add_entry(vm, r, k, h)?;
        }
        i = p + 1;
    }
    Ok(r)
}

fn symmetric_difference_update(vm: &Vm, o: Obj, other: Obj) -> PyResult<()> {
    if o.is(other) {
        return clear(vm, o);
    }
    if other.ty().is(&dict::DICT_TYPE) {
        let mut i = 0;
        while i < dict::used(other) {
            if let Some((k, _)) = dict::entry_at(other, i) {
                let h = abs::hash(vm, k)?;
                if !discard_hashed(vm, o, k, h)? {
                    add_entry(vm, o, k, h)?;
                }
            }
            i += 1;
        }
        return Ok(());
    }
    let other = if is_anyset(other) {
        other
    } else {
        copy_of(vm, o, Some(other))?
    };
    let mut i = 0;
    while let Some((p, k, h)) = next_entry(other, i) {
        if !discard_hashed(vm, o, k, h)? {
            add_entry(vm, o, k, h)?;
        }
        i = p + 1;
    }
    Ok(())
}

fn symmetric_difference(vm: &Vm, o: Obj, other: Obj) -> PyResult<Obj> {
    let r = copy_of(vm, o, Some(other))?;
    symmetric_difference_update(vm, r, o)?;
    Ok(r)
}

fn issubset(vm: &Vm, o: Obj, other: Obj) -> PyResult<bool> {
    if !is_anyset(other) {
        let t = copy_of(vm, o, Some(other))?;
        return issubset(vm, o, t);
    }
    if len(o) > len(other) {
        return Ok(false);
    }
    let mut i = 0;
    while let Some((p, k, h)) = next_entry(o, i) {
        if lookup(vm, other, k, h)?.is_none() {
            return Ok(false);
        }
        i = p + 1;
    }
    Ok(true)
}

fn issuperset(vm: &Vm, o: Obj, other: Obj) -> PyResult<bool> {
    if is_anyset(other) {
        return issubset(vm, other, o);
    }
    let it = abs::iter(vm, other)?;
    while let Some(k) = abs::next(vm, it)? {
        if !contains(vm, o, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn isdisjoint(vm: &Vm, o: Obj, other: Obj) -> PyResult<bool> {
    if is_anyset(other) {
        let (a, b) = if len(o) <= len(other) {
            (o, other)
        } else {
            (other, o)
        };
        let mut i = 0;
        while let Some((p, k, h)) = next_entry(a, i) {
            if lookup(vm, b, k, h)?.is_some() {
                return Ok(false);
            }
            i = p + 1;
        }
        return Ok(true);
    }
    let it = abs::iter(vm, other)?;
    while let Some(k) = abs::next(vm, it)? {
        if contains(vm, o, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// In-place set operation with any iterable (`|=`-like for Or, etc.).
pub fn update_op(vm: &Vm, o: Obj, op: BinOp, other: Obj) -> PyResult<()> {
    match op {
        BinOp::Or => update(vm, o, other),
        BinOp::And => {
            let r = intersection(vm, o, other)?;
            swap_bodies(o, r);
            Ok(())
        }
        BinOp::Sub => difference_update(vm, o, other),
        _ => symmetric_difference_update(vm, o, other),
    }
}

fn swap_bodies(a: Obj, b: Obj) {
    let (x, y) = (s_of(a), s_of(b));
    x.fill.swap(&y.fill);
    x.used.swap(&y.used);
    x.mask.swap(&y.mask);
    x.table.swap(&y.table);
    x.hash.set(-1);
    y.hash.set(-1);
}

// ----------------------------------------------------------------- slots

fn set_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let exact = o.ty().is(&SET_TYPE);
    let name = o.ty().name();
    if len(o) == 0 {
        return vm.new_string(format!("{}()", name));
    }
    if repr_enter(vm, o)? {
        return vm.new_string(format!("{}(...)", name));
    }
    let r = (|| -> PyResult<alloc::string::String> {
        let mut s = alloc::string::String::from("{");
        let mut i = 0;
        let mut first = true;
        while let Some((p, k, _)) = next_entry(o, i) {
            if !first {
                s.push_str(", ");
            }
            first = false;
            s.push_str(&abs::repr_string(vm, k)?);
            i = p + 1;
        }
        s.push('}');
        Ok(if exact { s } else { format!("{}({})", name, s) })
    })();
    repr_leave(vm, o);
    vm.new_string(r?)
}
fn set_len(_vm: &Vm, o: Obj) -> PyResult<usize> {
    Ok(len(o))
}
fn set_contains(vm: &Vm, o: Obj, k: Obj) -> PyResult<bool> {
    contains(vm, o, k)
}
fn set_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    let frozen = t.is_subtype(&FROZENSET_TYPE);
    if frozen {
        if args.has_kw() && t.is(&FROZENSET_TYPE) {
            return Err(vm.type_error("frozenset() takes no keyword arguments"));
        }
        check_count(vm, "frozenset", args.pos.len(), 0, 1)?;
        let Some(&src) = args.pos.first() else {
            return alloc(vm, t);
        };
        if t.is(&FROZENSET_TYPE) && src.ty().is(&FROZENSET_TYPE) {
            return Ok(src);
        }
        return new_from_iter(vm, t, src);
    }
    if args.has_kw() && t.is(&SET_TYPE) {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    alloc(vm, t)
}
fn set_init(vm: &Vm, o: Obj, args: &Args) -> PyResult<()> {
    if is_frozen(o) {
        return Ok(());
    }
    if args.has_kw() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    check_count(vm, "set", args.pos.len(), 0, 1)?;
    if len(o) > 0 {
        clear(vm, o)?;
    }
    if let Some(&src) = args.pos.first() {
        update(vm, o, src)?;
    }
    Ok(())
}
fn set_cmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_anyset(b) {
        return Ok(not_implemented());
    }
    let (la, lb) = (len(a), len(b));
    let r = match op {
        CmpOp::Eq => la == lb && issubset(vm, a, b)?,
        CmpOp::Ne => !(la == lb && issubset(vm, a, b)?),
        CmpOp::Le => issubset(vm, a, b)?,
        CmpOp::Lt => la < lb && issubset(vm, a, b)?,
        CmpOp::Ge => issubset(vm, b, a)?,
        CmpOp::Gt => la > lb && issubset(vm, b, a)?,
    };
    Ok(py_bool(r))
}
fn set_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, inplace: bool) -> PyResult<Obj> {
    if !is_anyset(a)
        || !is_anyset(b)
        || !matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
    {
        return Ok(not_implemented());
    }
    if inplace && !is_frozen(a) {
        update_op(vm, a, op, b)?;
        return Ok(a);
    }
    match op {
        BinOp::Or => {
            let r = copy_of(vm, a, Some(a))?;
            if !a.is(b) {
                update(vm, r, b)?;
            }
            Ok(r)
        }
        BinOp::And => intersection(vm, a, b),
        BinOp::Sub => difference(vm, a, b),
        _ => symmetric_difference(vm, a, b),
    }
}
/// CPython's frozenset hash.
fn set_hash(_vm: &Vm, o: Obj) -> PyResult<isize> {
    let s = s_of(o);
    if s.hash.get() != -1 {
        return Ok(s.hash.get());
    }
    let shuffle = |h: usize| -> usize { ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167) };
    let mut h: usize = 0;
    let mut i = 0;
    while let Some((p, _, eh)) = next_entry(o, i) {
        h ^= shuffle(eh as usize);
        i = p + 1;
    }
    h ^= (len(o) + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    let mut r = h as isize;
    if r == -1 {
        r = 590923713;
    }
    s.hash.set(r);
    Ok(r)
}
fn set_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    vm.alloc_obj(SetIterObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &SET_ITER_TYPE,
        },
        set: Cell::new(Some(o)),
        pos: Cell::new(0),
        used0: len(o),
        left: Cell::new(len(o)),
    })
}

// --------------------------------------------------------------- methods

fn self_set(vm: &Vm, args: &Args) -> PyResult<Obj> {
    match args.pos.first() {
        Some(&o) if is_anyset(o) => Ok(o),
        _ => Err(vm.type_error("descriptor requires a 'set' object")),
    }
}
fn m_add(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let v = sm::onearg(vm, args, "set.add")?;
    add(vm, self_set(vm, args)?, v)?;
    Ok(none())
}
fn m_remove(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let v = sm::onearg(vm, args, "set.remove")?;
    if !discard(vm, self_set(vm, args)?, v)? {
        return Err(vm.key_error(v));
    }
    Ok(none())
}
fn m_discard(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let v = sm::onearg(vm, args, "set.discard")?;
    discard(vm, self_set(vm, args)?, v)?;
    Ok(none())
}
fn m_pop(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "set.pop")?;
    let o = self_set(vm, args)?;
    let s = s_of(o);
    if s.used.get() == 0 {
        let m = vm.new_str("pop from an empty set")?;
        return Err(vm.key_error(m));
    }
    let mask = s.mask.get();
    let mut i = s.finger.get() & mask;
    while s.e(i).key.is_none() {
        i = if i >= mask { 0 } else { i + 1 };
    }
    let k = s.e(i).key.unwrap_or(none());
    *s.e(i) = Entry {
        key: None,
        hash: -1,
    };
    s.used.set(s.used.get() - 1);
    s.finger.set(i + 1);
    Ok(k)
}
fn m_clear(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "set.clear")?;
    clear(vm, self_set(vm, args)?)?;
    Ok(none())
}
fn m_copy(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "set.copy")?;
    let o = self_set(vm, args)?;
    if o.ty().is(&FROZENSET_TYPE) {
        return Ok(o);
    }
    copy_of(vm, o, Some(o))
}
fn others<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<(Obj, &'a [Obj])> {
    if args.has_kw() {
        return Err(vm.type_error(&format!("{}() takes no keyword arguments", name)));
    }
    Ok((self_set(vm, args)?, &args.pos[1..]))
}
fn m_union(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (o, rest) = others(vm, args, "set.union")?;
    let r = copy_of(vm, o, Some(o))?;
    for x in rest {
        update(vm, r, *x)?;
    }
    Ok(r)
}
fn m_update(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (o, rest) = others(vm, args, "set.update")?;
    for x in rest {
        update(vm, o, *x)?;
    }
    Ok(none())
}
fn intersection_multi(vm: &Vm, o: Obj, rest: &[Obj]) -> PyResult<Obj> {
    let mut r = copy_of(vm, o, Some(o))?;
    for x in rest {
        r = intersection(vm, r, *x)?;
    }
    Ok(r)
}
fn m_intersection(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (o, rest) = others(vm, args, "set.intersection")?;
    if rest.is_empty() && o.ty().is(&FROZENSET_TYPE) {
        return Ok(o);
    }
    intersection_multi(vm, o, rest)
}
fn m_intersection_update(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (o, rest) = others(vm, args, "set.intersection_update")?;
    let r = intersection_multi(vm, o, rest)?;
    swap_bodies(o, r);
    Ok(none())
}
fn m_difference(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (o, rest) = others(vm, args, "set.difference")?;
    if rest.is_empty() {
        return copy_of(vm, o, Some(o));
    }
    let r = difference(vm, o, rest[0])?;
    for x in &rest[1..] {
        difference_update(vm, r, *x)?;
    }
    Ok(r)
}
fn m_difference_update(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (o, rest) = others(vm, args, "set.difference_update")?;
    for x in rest {
        difference_update(vm, o, *x)?;
    }
    Ok(none())
}
fn m_symmetric_difference(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let v = sm::onearg(vm, args, "set.symmetric_difference")?;
    symmetric_difference(vm, self_set(vm, args)?, v)
}
fn m_symmetric_difference_update(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let v = sm::onearg(vm, args, "set.symmetric_difference_update")?;
    symmetric_difference_update(vm, self_set(vm, args)?, v)?;
    Ok(none())
}
fn m_issubset(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let v = sm::onearg(vm, args, "set.issubset")?;
    Ok(py_bool(issubset(vm, self_set(vm, args)?, v)?))
}
fn m_issuperset(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let v = sm::onearg(vm, args, "set.issuperset")?;
    Ok(py_bool(issuperset(vm, self_set(vm, args)?, v)?))
}
fn m_isdisjoint(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let v = sm::onearg(vm, args, "set.isdisjoint")?;
    Ok(py_bool(isdisjoint(vm, self_set(vm, args)?, v)?))
}

const SET_SLOTS: Slots = Slots {
    repr: Some(set_repr),
    len: Some(set_len),
    contains: Some(set_contains),
    iter: Some(set_iter),
    new: Some(set_new),
    init: Some(set_init),
    richcmp: Some(set_cmp),
    num: Some(set_num),
    getattr: Some(super::typeobj::generic_getattr),
    ..Slots::EMPTY
};

static SET_ATTRS: [AttrEntry; 44] = [
    method!("add", m_add),
    method!("remove", m_remove),
    method!("discard", m_discard),
    method!("pop", m_pop),
    method!("clear", m_clear),
    method!("copy", m_copy),
    method!("update", m_update),
    method!("union", m_union),
    method!("intersection", m_intersection),
    method!("intersection_update", m_intersection_update),
    method!("difference", m_difference),
    method!("difference_update", m_difference_update),
    method!("symmetric_difference", m_symmetric_difference),
    method!("symmetric_difference_update", m_symmetric_difference_update),
    method!("issubset", m_issubset),
    method!("issuperset", m_issuperset),
    method!("isdisjoint", m_isdisjoint),
    staticmethod!("__new__", sm::w_new),
    method!("__init__", sm::w_init),
    method!("__len__", sm::w_len),
    method!("__contains__", sm::w_contains),
    method!("__iter__", sm::w_iter),
    method!("__repr__", sm::w_repr),
    method!("__eq__", sm::w_eq),
    method!("__ne__", sm::w_ne),
    method!("__lt__", sm::w_lt),
    method!("__le__", sm::w_le),
    method!("__gt__", sm::w_gt),
    method!("__ge__", sm::w_ge),
    method!("__or__", sm::w_or),
    method!("__ror__", sm::w_ror),
    method!("__ior__", sm::w_ior),
    method!("__and__", sm::w_and),
    method!("__rand__", sm::w_rand),
    method!("__iand__", sm::w_iand),
    method!("__sub__", sm::w_sub),
    method!("__rsub__", sm::w_rsub),
    method!("__isub__", sm::w_isub),
    method!("__xor__", sm::w_xor),
    method!("__rxor__", sm::w_rxor),
    method!("__ixor__", sm::w_ixor),
    crate::constant!("__hash__", super::NONE),
    classmethod!("__class_getitem__", sm::w_class_getitem),
    method!("__reduce__", m_reduce),
];

static FROZENSET_ATTRS: [AttrEntry; 27] = [
    method!("copy", m_copy),
    method!("union", m_union),
    method!("intersection", m_intersection),
    method!("difference", m_difference),
    method!("symmetric_difference", m_symmetric_difference),
    method!("issubset", m_issubset),
    method!("issuperset", m_issuperset),
    method!("isdisjoint", m_isdisjoint),
    staticmethod!("__new__", sm::w_new),
    method!("__len__", sm::w_len),
    method!("__contains__", sm::w_contains),
    method!("__iter__", sm::w_iter),
    method!("__repr__", sm::w_repr),
    method!("__hash__", sm::w_hash),
    method!("__eq__", sm::w_eq),
    method!("__ne__", sm::w_ne),
    method!("__lt__", sm::w_lt),
    method!("__le__", sm::w_le),
    method!("__gt__", sm::w_gt),
    method!("__ge__", sm::w_ge),
    method!("__or__", sm::w_or),
    method!("__and__", sm::w_and),
    method!("__sub__", sm::w_sub),
    method!("__xor__", sm::w_xor),
    method!("__rsub__", sm::w_rsub),
    classmethod!("__class_getitem__", sm::w_class_getitem),
    method!("__reduce__", m_reduce),
];

fn m_reduce(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "__reduce__")?;
    let o = self_set(vm, args)?;
    let l = abs::to_list(vm, o)?;
    let a = super::tuple::new(vm, &[l])?;
    super::tuple::new(vm, &[o.type_obj(), a, none()])
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static SET_TYPE: TypeObj = TypeObj::builtin(
    "set",
    Layout::Set,
    Some(&super::typeobj::OBJECT_TYPE),
    SET_SLOTS,
    &SET_ATTRS,
    core::mem::size_of::<SetObj>(),
    super::tpflags::BASETYPE,
);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static FROZENSET_TYPE: TypeObj = TypeObj::builtin(
    "frozenset",
    Layout::Set,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        hash: Some(set_hash),
        init: None,
        ..SET_SLOTS
    },
    &FROZENSET_ATTRS,
    core::mem::size_of::<SetObj>(),
    super::tpflags::BASETYPE,
);

// -------------------------------------------------------------- iterator

#[repr(C)]
pub struct SetIterObj {
    pub head: ObjHead,
    set: Cell<Option<Obj>>,
    pos: Cell<usize>,
    used0: usize,
    left: Cell<usize>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for SetIterObj {
    const LAYOUT: Layout = Layout::Iter;
}

fn si_of(vm: &Vm, o: Obj) -> PyResult<&'static SetIterObj> {
    if o.ty().is(&SET_ITER_TYPE) {
        // SAFETY: type checked.
        Ok(unsafe { o.cast::<SetIterObj>() })
    } else {
        Err(vm.type_error("set_iterator expected"))
    }
}

fn setiter_next(vm: &Vm, it: Obj) -> PyResult<Option<Obj>> {
    let si = si_of(vm, it)?;
    let Some(s) = si.set.get() else {
        return Ok(None);
    };
    if len(s) != si.used0 {
        si.set.set(None);
        return Err(vm.runtime_error("Set changed size during iteration"));
    }
    match next_entry(s, si.pos.get()) {
        Some((p, k, _)) => {
            si.pos.set(p + 1);
            si.left.set(si.left.get().saturating_sub(1));
            Ok(Some(k))
        }
        None => {
            si.set.set(None);
            Ok(None)
        }
    }
}

fn setiter_length_hint(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "__length_hint__")?;
    let si = si_of(vm, args.pos[0])?;
    let n = match si.set.get() {
        Some(s) if len(s) == si.used0 => si.left.get(),
        _ => 0,
    };
    Ok(Obj::small(n as isize))
}

fn self_iter(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(o)
}

static SET_ITER_ATTRS: [AttrEntry; 3] = [
    method!("__length_hint__", setiter_length_hint),
    method!("__next__", sm::w_next),
    method!("__iter__", sm::w_iter),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static SET_ITER_TYPE: TypeObj = TypeObj::builtin(
    "set_iterator",
    Layout::Iter,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        iter: Some(self_iter),
        iternext: Some(setiter_next),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &SET_ITER_ATTRS,
    core::mem::size_of::<SetIterObj>(),
    0,
);

/// Builtin names provided by this module (set, frozenset).
pub static BUILTINS: [AttrEntry; 2] = [
    crate::constant!("set", SET_TYPE),
    crate::constant!("frozenset", FROZENSET_TYPE),
];
