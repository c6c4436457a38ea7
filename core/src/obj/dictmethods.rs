//! Methods and slots of `dict`, its views and iterators.

use super::attr::AttrEntry;
use super::seqmethods::{self as sm, check_count, noargs, onearg, posargs, repr_enter, repr_leave};
use super::{
    dict, none, not_implemented, py_bool, set, tuple, Args, BinOp, CmpOp, Layout, Obj, ObjHead,
    PyPayload, Slots, TypeObj,
};
use crate::vm::{abs, call, PyResult, Vm};
use crate::{classmethod, method, staticmethod};
use alloc::format;
use alloc::string::String;
use core::cell::Cell;

/// Next live entry at or after `i`: `(position, key, value)`.
fn next_entry(o: Obj, mut i: usize) -> Option<(usize, Obj, Obj)> {
    while i < dict::used(o) {
        if let Some((k, v)) = dict::entry_at(o, i) {
            return Some((i, k, v));
        }
        i += 1;
    }
    None
}

fn dict_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    if dict::len(o) == 0 {
        return vm.new_str("{}");
    }
    if repr_enter(vm, o)? {
        return vm.new_str("{...}");
    }
    let r = (|| -> PyResult<String> {
        let mut s = String::from("{");
        let mut i = 0;
        while let Some((p, k, v)) = next_entry(o, i) {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&abs::repr_string(vm, k)?);
            s.push_str(": ");
            s.push_str(&abs::repr_string(vm, v)?);
            i = p + 1;
        }
        s.push('}');
        Ok(s)
    })();
    repr_leave(vm, o);
    vm.new_string(r?)
}
fn dict_len(_vm: &Vm, o: Obj) -> PyResult<usize> {
    Ok(dict::len(o))
}
fn dict_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    if let Some(v) = dict::get(vm, o, k)? {
        return Ok(v);
    }
    if !o.ty().is(&dict::DICT_TYPE) {
        if let Some(r) = abs::call_dunder(vm, o, "__missing__", &[k])? {
            return Ok(r);
        }
    }
    Err(vm.key_error(k))
}
fn dict_setitem(vm: &Vm, o: Obj, k: Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        Some(v) => dict::set(vm, o, k, v),
        None => {
            if dict::del(vm, o, k)? {
                Ok(())
            } else {
                Err(vm.key_error(k))
            }
        }
    }
}
fn dict_contains(vm: &Vm, o: Obj, k: Obj) -> PyResult<bool> {
    Ok(dict::get(vm, o, k)?.is_some())
}
fn dict_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    new_iter(vm, o, KEYS, false)
}
fn dict_richcmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    if !dict::is_dict(b) || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(not_implemented());
    }
    let eq = dict_equal(vm, a, b)?;
    Ok(py_bool(eq == (op == CmpOp::Eq)))
}
fn dict_equal(vm: &Vm, a: Obj, b: Obj) -> PyResult<bool> {
    if dict::len(a) != dict::len(b) {
        return Ok(false);
    }
    let mut i = 0;
    while let Some((p, k, v)) = next_entry(a, i) {
        match dict::get(vm, b, k)? {
            None => return Ok(false),
            Some(w) => {
                if !abs::eq(vm, v, w)? {
                    return Ok(false);
                }
            }
        }
        i = p + 1;
    }
    Ok(true)
}

/// `d.update(src)` / `dict(src)`: a mapping (has `keys`) or pairs.
pub fn update_from(vm: &Vm, d: Obj, src: Obj) -> PyResult<()> {
    // A dict whose iteration is dict's own (no Python `__iter__` override).
    if dict::is_dict(src) && (src.ty().is(&dict::DICT_TYPE) || !has_py_iter(src.ty())) {
        return dict::update(vm, d, src);
    }
    if let Some(keys) = abs::getattr_opt_str(vm, src, "keys")? {
        let ks = call::call(vm, keys, &[])?;
        let it = abs::iter(vm, ks)?;
        while let Some(k) = abs::next(vm, it)? {
            let v = abs::getitem(vm, src, k)?;
            abs::setitem(vm, d, k, v)?;
        }
        return Ok(());
    }
    let it = abs::iter(vm, src)?;
    let mut n = 0usize;
    while let Some(item) = abs::next(vm, it)? {
        let kv = match abs::iter(vm, item) {
            Ok(_) => abs::to_list(vm, item)?,
            Err(e) => {
                if vm.exc_matches(&super::exc::TYPE_ERROR) {
                    vm.take_exc();
                    return Err(vm.type_error(&format!(
                        "cannot convert dictionary update sequence element #{} to a sequence",
                        n
                    )));
                }
                return Err(e);
            }
        };
        let m = super::list::len(kv);
        if m != 2 {
            return Err(vm.value_error(&format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                n, m
            )));
        }
        let (k, v) = (
            super::list::get(kv, 0).unwrap_or(none()),
            super::list::get(kv, 1).unwrap_or(none()),
        );
        dict::set(vm, d, k, v)?;
        n += 1;
    }
    Ok(())
}

fn update_args(vm: &Vm, d: Obj, args: &Args, name: &str) -> PyResult<()> {
    check_count(vm, name, args.pos.len(), 0, 1)?;
    if let Some(&src) = args.pos.first() {
        update_from(vm, d, src)?;
    }
    for (i, v) in args.kw.iter().enumerate() {
        dict::set(vm, d, args.kwname(i), *v)?;
    }
    Ok(())
}

fn dict_new(vm: &Vm, t: &'static TypeObj, _args: &Args) -> PyResult<Obj> {
    dict::new_typed(vm, t)
}
fn dict_init(vm: &Vm, o: Obj, args: &Args) -> PyResult<()> {
    update_args(vm, o, args, "dict")
}
fn dict_m_update(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let d = args
        .pos
        .first()
        .copied()
        .ok_or_else(|| vm.type_error("update needs self"))?;
    update_args(
        vm,
        d,
        &Args {
            pos: &args.pos[1..],
            kw: args.kw,
            kwnames: args.kwnames,
        },
        "update",
    )?;
    Ok(none())
}
fn dict_get(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = posargs(vm, args, "dict.get", "get", 1, 2)?;
    Ok(dict::get(vm, args.pos[0], a[0])?.unwrap_or(a.get(1).copied().unwrap_or(none())))
}
fn dict_setdefault(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = posargs(vm, args, "dict.setdefault", "setdefault", 1, 2)?;
    let d = args.pos[0];
    if let Some(v) = dict::get(vm, d, a[0])? {
        return Ok(v);
    }
    let v = a.get(1).copied().unwrap_or(none());
    dict::set(vm, d, a[0], v)?;
    Ok(v)
}
fn dict_pop(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = posargs(vm, args, "dict.pop", "pop", 1, 2)?;
    match dict::pop(vm, args.pos[0], a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(*d),
            None => Err(vm.key_error(a[0])),
        },
    }
}
fn dict_popitem(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "dict.popitem")?;
    let d = args.pos[0];
    let mut i = dict::used(d);
    while i > 0 {
        i -= 1;
        if let Some((k, v)) = dict::entry_at(d, i) {
            let t = tuple::new(vm, &[k, v])?;
            dict::pop(vm, d, k)?;
            return Ok(t);
        }
    }
    let m = vm.new_str("popitem(): dictionary is empty")?;
    Err(vm.key_error(m))
}
fn dict_copy(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "dict.copy")?;
    dict::copy(vm, args.pos[0])
}
fn dict_clear(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "dict.clear")?;
    dict::clear(args.pos[0]);
    Ok(none())
}
fn dict_fromkeys(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = posargs(vm, args, "fromkeys", "fromkeys", 1, 2)?;
    let cls = args.pos[0];
    let v = a.get(1).copied().unwrap_or(none());
    let d = call::call(vm, cls, &[])?;
    let exact = d.ty().is(&dict::DICT_TYPE);
    let it = abs::iter(vm, a[0])?;
    while let Some(k) = abs::next(vm, it)? {
        if exact {
            dict::set(vm, d, k, v)?;
        } else {
            abs::setitem(vm, d, k, v)?;
        }
    }
    Ok(d)
}
fn dict_keys(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "dict.keys")?;
    new_view(vm, args.pos[0], &KEYS_TYPE)
}
fn dict_values(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "dict.values")?;
    new_view(vm, args.pos[0], &VALUES_TYPE)
}
fn dict_items(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "dict.items")?;
    new_view(vm, args.pos[0], &ITEMS_TYPE)
}
fn dict_reversed(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "dict.__reversed__")?;
    new_iter(vm, args.pos[0], KEYS, true)
}
fn dict_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, inplace: bool) -> PyResult<Obj> {
    if op != BinOp::Or {
        return Ok(not_implemented());
    }
    if inplace && dict::is_dict(a) {
        update_from(vm, a, b)?;
        return Ok(a);
    }
    if !dict::is_dict(a) || !dict::is_dict(b) {
        return Ok(not_implemented());
    }
    let n = dict::copy(vm, a)?;
    dict::update(vm, n, b)?;
    Ok(n)
}

pub const SLOTS: Slots = Slots {
    repr: Some(dict_repr),
    len: Some(dict_len),
    getitem: Some(dict_getitem),
    setitem: Some(dict_setitem),
    contains: Some(dict_contains),
    iter: Some(dict_iter),
    richcmp: Some(dict_richcmp),
    num: Some(dict_num),
    new: Some(dict_new),
    init: Some(dict_init),
    getattr: Some(super::typeobj::generic_getattr),
    ..Slots::EMPTY
};
pub static ATTRS: [AttrEntry; 32] = [
    method!("get", dict_get),
    method!("setdefault", dict_setdefault),
    method!("pop", dict_pop),
    method!("popitem", dict_popitem),
    method!("update", dict_m_update),
    method!("copy", dict_copy),
    method!("clear", dict_clear),
    classmethod!("fromkeys", dict_fromkeys),
    method!("keys", dict_keys),
    method!("values", dict_values),
    method!("items", dict_items),
    method!("__reversed__", dict_reversed),
    staticmethod!("__new__", sm::w_new),
    method!("__init__", sm::w_init),
    method!("__len__", sm::w_len),
    method!("__getitem__", sm::w_getitem),
    method!("__setitem__", sm::w_setitem),
    method!("__delitem__", sm::w_delitem),
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
    crate::constant!("__hash__", super::NONE),
    classmethod!("__class_getitem__", sm::w_class_getitem),
];

// ----------------------------------------------------------- iterators

const KEYS: u8 = 0;
const VALUES: u8 = 1;
const ITEMS: u8 = 2;

#[repr(C)]
pub struct DictIterObj {
    pub head: ObjHead,
    pub dict: Cell<Option<Obj>>,
    /// Next entry position (forward) or position + 1 (reverse).
    pub pos: Cell<usize>,
    /// Items left to yield.
    pub left: Cell<usize>,
    /// The dict's length and version when iteration started.
    pub len0: usize,
    pub version: Cell<usize>,
    pub kind: u8,
    pub rev: bool,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for DictIterObj {
    const LAYOUT: Layout = Layout::Iter;
}

fn new_iter(vm: &Vm, d: Obj, kind: u8, rev: bool) -> PyResult<Obj> {
    let ty: &'static TypeObj = &ITER_TYPES[kind as usize + if rev { 3 } else { 0 }];
    vm.alloc_obj(DictIterObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty,
        },
        dict: Cell::new(Some(d)),
        pos: Cell::new(if rev { dict::used(d) } else { 0 }),
        left: Cell::new(dict::len(d)),
        len0: dict::len(d),
        version: Cell::new(dict::version(d)),
        kind,
        rev,
    })
}

fn di_of(vm: &Vm, o: Obj) -> PyResult<&'static DictIterObj> {
    if ITER_TYPES.iter().any(|t| o.ty().is(t)) {
        // SAFETY: type checked.
        Ok(unsafe { o.cast::<DictIterObj>() })
    } else {
        Err(vm.type_error("dict iterator expected"))
    }
}

fn dictiter_next(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    let it = di_of(vm, o)?;
    let Some(d) = it.dict.get() else {
        return Ok(None);
    };
    if dict::version(d) != it.version.get() {
        it.version.set(dict::version(d));
        it.left.set(0);
        if dict::len(d) != it.len0 {
            return Err(vm.runtime_error("dictionary changed size during iteration"));
        }
        return Err(vm.runtime_error("dictionary keys changed during iteration"));
    }
    let found = if it.rev {
        let mut p = it.pos.get().min(dict::used(d));
        let mut f = None;
        while p > 0 {
            p -= 1;
            if let Some((k, v)) = dict::entry_at(d, p) {
                f = Some((k, v));
                break;
            }
        }
        it.pos.set(p);
        f
    } else {
        match next_entry(d, it.pos.get()) {
            Some((p, k, v)) => {
                it.pos.set(p + 1);
                Some((k, v))
            }
            None => None,
        }
    };
    match found {
        Some((k, v)) => {
            it.left.set(it.left.get().saturating_sub(1));
            Ok(Some(match it.kind {
                KEYS => k,
                VALUES => v,
                _ => tuple::new(vm, &[k, v])?,
            }))
        }
        None => {
            it.dict.set(None);
            it.left.set(0);
            Ok(None)
        }
    }
}

fn dictiter_length_hint(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "__length_hint__")?;
    let it = di_of(vm, args.pos[0])?;
    let n = match it.dict.get() {
        Some(d) if dict::version(d) == it.version.get() => it.left.get(),
        _ => 0,
    };
    Ok(Obj::small(n as isize))
}

fn self_iter(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(o)
}

static ITER_ATTRS: [AttrEntry; 3] = [
    method!("__length_hint__", dictiter_length_hint),
    method!("__next__", sm::w_next),
    method!("__iter__", sm::w_iter),
];

const fn iter_type(name: &'static str) -> TypeObj {
    TypeObj::builtin(
        name,
        Layout::Iter,
        Some(&super::typeobj::OBJECT_TYPE),
        Slots {
            iter: Some(self_iter),
            iternext: Some(dictiter_next),
            getattr: Some(super::typeobj::generic_getattr),
            ..Slots::EMPTY
        },
        &ITER_ATTRS,
        core::mem::size_of::<DictIterObj>(),
        0,
    )
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static ITER_TYPES: [TypeObj; 6] = [
    iter_type("dict_keyiterator"),
    iter_type("dict_valueiterator"),
    iter_type("dict_itemiterator"),
    iter_type("dict_reversekeyiterator"),
    iter_type("dict_reversevalueiterator"),
    iter_type("dict_reverseitemiterator"),
];

// --------------------------------------------------------------- views

#[repr(C)]
pub struct DictViewObj {
    pub head: ObjHead,
    pub dict: Obj,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for DictViewObj {
    const LAYOUT: Layout = Layout::Other;
}

fn new_view(vm: &Vm, d: Obj, t: &'static TypeObj) -> PyResult<Obj> {
    vm.alloc_obj(DictViewObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: t,
        },
        dict: d,
    })
}

fn view_kind(o: Obj) -> Option<u8> {
    let t = o.ty();
    if t.is(&KEYS_TYPE) {
        Some(KEYS)
    } else if t.is(&VALUES_TYPE) {
        Some(VALUES)
    } else if t.is(&ITEMS_TYPE) {
        Some(ITEMS)
    } else {
        None
    }
}

/// The dict behind a view (`None` for anything else).
pub fn view_dict(o: Obj) -> Option<Obj> {
    // SAFETY: view_kind checks the type, hence the payload.
    view_kind(o).map(|_| unsafe { o.cast::<DictViewObj>() }.dict)
}

fn vd(vm: &Vm, o: Obj) -> PyResult<(Obj, u8)> {
    match (view_dict(o), view_kind(o)) {
        (Some(d), Some(k)) => Ok((d, k)),
        _ => Err(vm.type_error("dict view expected")),
    }
}

fn view_len(vm: &Vm, o: Obj) -> PyResult<usize> {
    Ok(dict::len(vd(vm, o)?.0))
}
fn view_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let (d, k) = vd(vm, o)?;
    new_iter(vm, d, k, false)
}
fn view_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let (_, _) = vd(vm, o)?;
    if repr_enter(vm, o)? {
        return vm.new_str("...");
    }
    let r = (|| -> PyResult<String> {
        let l = abs::to_list(vm, o)?;
        Ok(format!("{}({})", o.ty().name, abs::repr_string(vm, l)?))
    })();
    repr_leave(vm, o);
    vm.new_string(r?)
}
fn view_contains(vm: &Vm, o: Obj, x: Obj) -> PyResult<bool> {
    let (d, k) = vd(vm, o)?;
    if k == KEYS {
        return Ok(dict::get(vm, d, x)?.is_some());
    }
    let kv = tuple::tuple_items(x);
    if kv.len() != 2 {
        return Ok(false);
    }
    let (key, val) = (kv[0], kv[1]);
    match dict::get(vm, d, key)? {
        Some(v) => abs::eq(vm, v, val),
        None => Ok(false),
    }
}
/// Is `o` set-like for view comparisons (a set or a keys/items view)?
fn setlike(o: Obj) -> bool {
    set::is_anyset(o) || matches!(view_kind(o), Some(KEYS) | Some(ITEMS))
}
fn all_in(vm: &Vm, a: Obj, b: Obj) -> PyResult<bool> {
    let it = abs::iter(vm, a)?;
    while let Some(x) = abs::next(vm, it)? {
        if !abs::contains(vm, b, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}
fn view_richcmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    if !setlike(b) {
        return Ok(not_implemented());
    }
    let (la, lb) = (abs::len(vm, a)?, abs::len(vm, b)?);
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let e = la == lb && all_in(vm, a, b)?;
            e == (op == CmpOp::Eq)
        }
        CmpOp::Lt => la < lb && all_in(vm, a, b)?,
        CmpOp::Le => la <= lb && all_in(vm, a, b)?,
        CmpOp::Gt => la > lb && all_in(vm, b, a)?,
        CmpOp::Ge => la >= lb && all_in(vm, b, a)?,
    };
    Ok(py_bool(r))
}
fn view_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, _inplace: bool) -> PyResult<Obj> {
    if !matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) {
        return Ok(not_implemented());
    }
    let s = set::new_from_iter(vm, &set::SET_TYPE, a)?;
    set::update_op(vm, s, op, b)?;
    Ok(s)
}
fn view_isdisjoint(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let other = onearg(vm, args, "isdisjoint")?;
    let it = abs::iter(vm, other)?;
    while let Some(x) = abs::next(vm, it)? {
        if abs::contains(vm, args.pos[0], x)? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}
fn view_reversed(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "__reversed__")?;
    let (d, k) = vd(vm, args.pos[0])?;
    new_iter(vm, d, k, true)
}
fn view_mapping(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(vd(vm, o)?.0)
}

static SETVIEW_ATTRS: [AttrEntry; 13] = [
    method!("isdisjoint", view_isdisjoint),
    method!("__reversed__", view_reversed),
    crate::getset!("mapping", view_mapping),
    method!("__len__", sm::w_len),
    method!("__iter__", sm::w_iter),
    method!("__contains__", sm::w_contains),
    method!("__repr__", sm::w_repr),
    method!("__eq__", sm::w_eq),
    method!("__ne__", sm::w_ne),
    method!("__or__", sm::w_or),
    method!("__and__", sm::w_and),
    method!("__sub__", sm::w_sub),
    method!("__xor__", sm::w_xor),
];
static VALUES_ATTRS: [AttrEntry; 5] = [
    method!("__reversed__", view_reversed),
    crate::getset!("mapping", view_mapping),
    method!("__len__", sm::w_len),
    method!("__iter__", sm::w_iter),
    method!("__repr__", sm::w_repr),
];

const fn view_type(name: &'static str, setlike: bool) -> TypeObj {
    TypeObj::builtin(
        name,
        Layout::Other,
        Some(&super::typeobj::OBJECT_TYPE),
        Slots {
            repr: Some(view_repr),
            len: Some(view_len),
            iter: Some(view_iter),
            contains: if setlike { Some(view_contains) } else { None },
            richcmp: if setlike { Some(view_richcmp) } else { None },
            num: if setlike { Some(view_num) } else { None },
            getattr: Some(super::typeobj::generic_getattr),
            ..Slots::EMPTY
        },
        if setlike {
            &SETVIEW_ATTRS
        } else {
            &VALUES_ATTRS
        },
        core::mem::size_of::<DictViewObj>(),
        0,
    )
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static KEYS_TYPE: TypeObj = view_type("dict_keys", true);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static VALUES_TYPE: TypeObj = view_type("dict_values", false);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static ITEMS_TYPE: TypeObj = view_type("dict_items", true);

/// Does a dict subclass override `__iter__` in Python? (CPython merges a
/// dict whose iteration is its own from its entries, whatever `keys` says.)
fn has_py_iter(t: &'static super::TypeObj) -> bool {
    super::typeobj::mro_of(t)
        .take_while(|c| c.is_heap())
        .any(|c| {
            c.dict
                .map(|d| {
                    dict::keys_vec(d)
                        .iter()
                        .any(|k| matches!(super::str::as_str(*k), Some("__iter__")))
                })
                .unwrap_or(false)
        })
}
