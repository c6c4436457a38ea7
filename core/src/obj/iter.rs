//! Iterator objects over builtin sequences, the generic sequence iterator
//! (for classes with only `__getitem__`), and the builtin iterator types
//! `enumerate`, `zip`, `map`, `filter` and `reversed`.

use super::seqmethods::{check_count, w_iter, w_next};
use super::{
    exc, int, list, none, tuple, typeobj, Args, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj,
};
use crate::vm::{abs, call, PyResult, Vm};
use crate::{constant, method};
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

fn new_iter(vm: &Vm, ty: &'static TypeObj, seq: Obj, idx: usize) -> PyResult<Obj> {
    vm.alloc_obj(SeqIterObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty,
        },
        seq: Cell::new(Some(seq)),
        idx: Cell::new(idx),
    })
}

pub fn new_seq_iter(vm: &Vm, seq: Obj) -> PyResult<Obj> {
    new_iter(vm, &SEQ_ITER_TYPE, seq, 0)
}
pub fn new_list_iter(vm: &Vm, seq: Obj) -> PyResult<Obj> {
    new_iter(vm, &LIST_ITER_TYPE, seq, 0)
}
pub fn new_tuple_iter(vm: &Vm, seq: Obj) -> PyResult<Obj> {
    new_iter(vm, &TUPLE_ITER_TYPE, seq, 0)
}
/// `reversed(list)`: `idx` is the next index plus one.
pub fn new_list_reverse_iter(vm: &Vm, seq: Obj) -> PyResult<Obj> {
    new_iter(vm, &LIST_REV_ITER_TYPE, seq, list::len(seq))
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
        let Some(s) = i.seq.get() else {
            return Some(None);
        };
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
        let Some(s) = i.seq.get() else {
            return Some(None);
        };
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

fn list_rev_next(_vm: &Vm, it: Obj) -> PyResult<Option<Obj>> {
    let i = it_of(it);
    let Some(s) = i.seq.get() else {
        return Ok(None);
    };
    let k = i.idx.get();
    if k > 0 {
        if let Some(v) = list::get(s, k - 1) {
            i.idx.set(k - 1);
            return Ok(Some(v));
        }
    }
    i.seq.set(None);
    i.idx.set(0);
    Ok(None)
}

/// Swallow IndexError/StopIteration (end of a `__getitem__` sequence).
fn end_of_seq(vm: &Vm, e: crate::vm::Raised) -> PyResult<Option<Obj>> {
    if vm.exc_matches(&exc::INDEX_ERROR) || vm.exc_matches(&exc::STOP_ITERATION) {
        vm.take_exc();
        Ok(None)
    } else {
        Err(e)
    }
}

fn seq_iternext(vm: &Vm, it: Obj) -> PyResult<Option<Obj>> {
    let i = it_of(it);
    let Some(s) = i.seq.get() else {
        return Ok(None);
    };
    let k = i.idx.get();
    match abs::getitem(vm, s, Obj::small(k as isize)) {
        Ok(v) => {
            i.idx.set(k + 1);
            Ok(Some(v))
        }
        Err(e) => {
            i.seq.set(None);
            end_of_seq(vm, e)
        }
    }
}

/// `reversed(seq)` over `__len__`/`__getitem__`: `idx` is next index + 1.
fn reversed_next(vm: &Vm, it: Obj) -> PyResult<Option<Obj>> {
    let i = it_of(it);
    let Some(s) = i.seq.get() else {
        return Ok(None);
    };
    let k = i.idx.get();
    if k == 0 {
        i.seq.set(None);
        return Ok(None);
    }
    match abs::getitem(vm, s, Obj::small(k as isize - 1)) {
        Ok(v) => {
            i.idx.set(k - 1);
            Ok(Some(v))
        }
        Err(e) => {
            i.seq.set(None);
            i.idx.set(0);
            end_of_seq(vm, e)
        }
    }
}

fn self_iter(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(o)
}

fn length_hint(vm: &Vm, args: &Args) -> PyResult<Obj> {
    super::seqmethods::noargs(vm, args, "__length_hint__")?;
    let o = args.pos[0];
    let t = o.ty();
    let Some(i) = o.downcast::<SeqIterObj>() else {
        return Ok(Obj::small(0));
    };
    let n = match i.seq.get() {
        None => 0,
        Some(_) if t.is(&LIST_REV_ITER_TYPE) || t.is(&REVERSED_TYPE) => {
            let k = i.idx.get();
            if t.is(&LIST_REV_ITER_TYPE) {
                k.min(i.seq.get().map(list::len).unwrap_or(0))
            } else {
                k
            }
        }
        Some(s) => abs::len(vm, s).unwrap_or(0).saturating_sub(i.idx.get()),
    };
    Ok(Obj::small(n as isize))
}

static ITER_ATTRS: [super::attr::AttrEntry; 3] = [
    method!("__length_hint__", length_hint),
    method!("__next__", w_next),
    method!("__iter__", w_iter),
];

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

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static SEQ_ITER_TYPE: TypeObj = iter_type("iterator", seq_iternext);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static LIST_ITER_TYPE: TypeObj = iter_type("list_iterator", fast_iternext);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static TUPLE_ITER_TYPE: TypeObj = iter_type("tuple_iterator", fast_iternext);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static LIST_REV_ITER_TYPE: TypeObj = iter_type("list_reverseiterator", list_rev_next);

// ------------------------------------------------------------- reversed

fn reversed_new(vm: &Vm, _t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error("reversed() takes no keyword arguments"));
    }
    check_count(vm, "reversed", args.pos.len(), 1, 1)?;
    let seq = args.pos[0];
    reversed(vm, seq)
}

/// `reversed(seq)`.
pub fn reversed(vm: &Vm, seq: Obj) -> PyResult<Obj> {
    let t = seq.ty();
    if let Some(f) = typeobj::lookup(vm, t, "__reversed__")? {
        if f.is_none() {
            return Err(vm.type_error(&alloc::format!("'{}' object is not reversible", t.name())));
        }
        let b = abs::bind(vm, f, seq)?;
        return call::call(vm, b, &[]);
    }
    let is_seq = t.slots.getitem.is_some() && !t.is_subtype(&super::dict::DICT_TYPE);
    if !is_seq {
        return Err(vm.type_error(&alloc::format!("'{}' object is not reversible", t.name())));
    }
    if t.slots.len.is_none() {
        return Err(vm.type_error(&alloc::format!(
            "object of type '{}' has no len()",
            t.name()
        )));
    }
    let n = abs::len(vm, seq)?;
    new_iter(vm, &REVERSED_TYPE, seq, n)
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static REVERSED_TYPE: TypeObj = TypeObj::builtin(
    "reversed",
    Layout::Iter,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        new: Some(reversed_new),
        iter: Some(self_iter),
        iternext: Some(reversed_next),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &ITER_ATTRS,
    core::mem::size_of::<SeqIterObj>(),
    0,
);

// ------------------------------------------- enumerate, zip, map, filter

/// State of `enumerate`/`zip`/`map`/`filter`. The prefix matches
/// [`SeqIterObj`] (`src` = iterator or tuple of iterators, `idx` unused).
#[repr(C)]
pub struct ToolIterObj {
    pub head: ObjHead,
    pub src: Cell<Option<Obj>>,
    pub idx: Cell<usize>,
    /// Function (map/filter) or the next count (enumerate).
    pub aux: Cell<Obj>,
    /// zip: strict.
    pub flag: bool,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for ToolIterObj {
    const LAYOUT: Layout = Layout::Iter;
}

fn tool_new(vm: &Vm, t: &'static TypeObj, src: Obj, aux: Obj, flag: bool) -> PyResult<Obj> {
    vm.alloc_obj(ToolIterObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: t,
        },
        src: Cell::new(Some(src)),
        idx: Cell::new(0),
        aux: Cell::new(aux),
        flag,
    })
}

fn tool_of(vm: &Vm, o: Obj, t: &'static TypeObj) -> PyResult<&'static ToolIterObj> {
    if !o.ty().is(t) {
        return Err(vm.type_error(&alloc::format!("descriptor requires a '{}' object", t.name)));
    }
    // SAFETY: the type check guarantees the payload.
    Ok(unsafe { o.cast::<ToolIterObj>() })
}

/// A tuple of `iter(x)` for each `x`.
fn iter_tuple(vm: &Vm, items: &[Obj]) -> PyResult<Obj> {
    let t = tuple::alloc(vm, &tuple::TUPLE_TYPE, items.len())?;
    for (i, x) in items.iter().enumerate() {
        let it = abs::iter(vm, *x)?;
        tuple::set_item(t, i, it);
    }
    Ok(t)
}

fn no_kw(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.has_kw() {
        return Err(vm.type_error(&alloc::format!("{}() takes no keyword arguments", name)));
    }
    Ok(())
}

fn enumerate_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    let [it, start] = args.bind(vm, "enumerate", ["iterable", "start"], 0)?;
    let Some(it) = it else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let start = match start {
        Some(s) => abs::index(vm, s)?,
        None => Obj::small(0),
    };
    let src = abs::iter(vm, it)?;
    tool_new(vm, t, src, start, false)
}

fn int_incr(vm: &Vm, n: Obj) -> PyResult<Obj> {
    if let Some(v) = n.as_small() {
        if v < Obj::SMALL_MAX {
            return Ok(Obj::small(v + 1));
        }
    }
    let b = int::to_bigint(n).unwrap_or_else(crate::bigint::BigInt::one);
    int::from_bigint(vm, &b.add(&crate::bigint::BigInt::one()))
}

fn enumerate_next(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    let e = tool_of(vm, o, &ENUMERATE_TYPE)?;
    let Some(src) = e.src.get() else {
        return Ok(None);
    };
    match abs::next(vm, src)? {
        Some(v) => {
            let n = e.aux.get();
            e.aux.set(int_incr(vm, n)?);
            Ok(Some(tuple::new(vm, &[n, v])?))
        }
        None => {
            e.src.set(None);
            Ok(None)
        }
    }
}

fn zip_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    let mut strict = false;
    for (i, v) in args.kw.iter().enumerate() {
        let k = args.kwname(i);
        if super::str::as_str(k) != Some("strict") {
            return Err(vm.type_error(&alloc::format!(
                "'{}' is an invalid keyword argument for zip()",
                super::str::as_str(k).unwrap_or("")
            )));
        }
        strict = abs::truthy(vm, *v)?;
    }
    let its = iter_tuple(vm, args.pos)?;
    tool_new(vm, t, its, none(), strict)
}

fn zip_next(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    let z = tool_of(vm, o, &ZIP_TYPE)?;
    let Some(its) = z.src.get() else {
        return Ok(None);
    };
    let n = tuple::tuple_items(its).len();
    if n == 0 {
        return Ok(None);
    }
    let out = tuple::alloc(vm, &tuple::TUPLE_TYPE, n)?;
    for i in 0..n {
        let it = tuple::tuple_items(its)[i];
        match abs::next(vm, it)? {
            Some(v) => tuple::set_item(out, i, v),
            None => {
                z.src.set(None);
                if z.flag {
                    return zip_strict_fail(vm, its, i);
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(out))
}

fn plural(i: usize) -> alloc::string::String {
    if i == 1 {
        alloc::string::String::from(" 1")
    } else {
        alloc::format!("s 1-{}", i)
    }
}

fn zip_strict_fail(vm: &Vm, its: Obj, i: usize) -> PyResult<Option<Obj>> {
    if i > 0 {
        return Err(vm.value_error(&alloc::format!(
            "zip() argument {} is shorter than argument{}",
            i + 1,
            plural(i)
        )));
    }
    let items = tuple::tuple_items(its);
    for j in 1..items.len() {
        if abs::next(vm, tuple::tuple_items(its)[j])?.is_some() {
            return Err(vm.value_error(&alloc::format!(
                "zip() argument {} is longer than argument{}",
                j + 1,
                plural(j)
            )));
        }
    }
    Ok(None)
}

fn map_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    no_kw(vm, args, "map")?;
    if args.pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let its = iter_tuple(vm, &args.pos[1..])?;
    tool_new(vm, t, its, args.pos[0], false)
}

fn map_next(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    let m = tool_of(vm, o, &MAP_TYPE)?;
    let Some(its) = m.src.get() else {
        return Ok(None);
    };
    let n = tuple::tuple_items(its).len();
    let argv = tuple::alloc(vm, &tuple::TUPLE_TYPE, n)?;
    for i in 0..n {
        match abs::next(vm, tuple::tuple_items(its)[i])? {
            Some(v) => tuple::set_item(argv, i, v),
            None => {
                m.src.set(None);
                return Ok(None);
            }
        }
    }
    call::call(vm, m.aux.get(), tuple::tuple_items(argv)).map(Some)
}

fn filter_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    no_kw(vm, args, "filter")?;
    if args.pos.len() != 2 {
        return Err(vm.type_error(&alloc::format!(
            "filter expected 2 arguments, got {}",
            args.pos.len()
        )));
    }
    let it = abs::iter(vm, args.pos[1])?;
    tool_new(vm, t, it, args.pos[0], false)
}

fn filter_next(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    let f = tool_of(vm, o, &FILTER_TYPE)?;
    let Some(it) = f.src.get() else {
        return Ok(None);
    };
    let func = f.aux.get();
    while let Some(v) = abs::next(vm, it)? {
        let ok = if func.is_none() || func.is(super::int::BOOL_TYPE.as_obj()) {
            abs::truthy(vm, v)?
        } else {
            let r = call::call(vm, func, &[v])?;
            abs::truthy(vm, r)?
        };
        if ok {
            return Ok(Some(v));
        }
    }
    f.src.set(None);
    Ok(None)
}

static TOOL_ATTRS: [super::attr::AttrEntry; 2] =
    [method!("__next__", w_next), method!("__iter__", w_iter)];

const fn tool_type(name: &'static str, new: super::NewFn, next: super::IterNextFn) -> TypeObj {
    TypeObj::builtin(
        name,
        Layout::Iter,
        Some(&super::typeobj::OBJECT_TYPE),
        Slots {
            new: Some(new),
            iter: Some(self_iter),
            iternext: Some(next),
            getattr: Some(super::typeobj::generic_getattr),
            ..Slots::EMPTY
        },
        &TOOL_ATTRS,
        core::mem::size_of::<ToolIterObj>(),
        0,
    )
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static ENUMERATE_TYPE: TypeObj = tool_type("enumerate", enumerate_new, enumerate_next);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static ZIP_TYPE: TypeObj = tool_type("zip", zip_new, zip_next);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static MAP_TYPE: TypeObj = tool_type("map", map_new, map_next);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static FILTER_TYPE: TypeObj = tool_type("filter", filter_new, filter_next);

/// Builtin names provided by this module.
pub static BUILTINS: [super::attr::AttrEntry; 5] = [
    constant!("enumerate", ENUMERATE_TYPE),
    constant!("zip", ZIP_TYPE),
    constant!("map", MAP_TYPE),
    constant!("filter", FILTER_TYPE),
    constant!("reversed", REVERSED_TYPE),
];
