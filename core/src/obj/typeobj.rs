//! `type` and `object`: classes, instances, attribute lookup, the MRO, and
//! the slot functions that make Python classes dispatch through the same
//! slot table as builtin types.
//!
//! A class statement produces a heap `TypeObj` whose slots start as a copy of
//! its solid base's (so `class L(list)` keeps list's native behaviour) and
//! are replaced by "call the dunder" functions for every special method the
//! class or one of its Python bases defines. Assigning a dunder on a class
//! later recomputes its slots.
#![allow(unsafe_code)]

use super::attr::AttrEntry;
use super::{
    dict, exc, func, none, str as pystr, tuple, Args, Layout, Obj, ObjHead, PyPayload, Slots,
    TypeObj,
};
use super::{tpflags, BinOp, CmpOp, UnOp};
use crate::vm::{PyResult, Vm};
use crate::{classmethod, getset, method, staticmethod};
use alloc::format;
use alloc::vec::Vec;
use core::cell::Cell;

/// A plain instance of a Python class: header + `__dict__`.
#[repr(C)]
pub struct InstanceObj {
    pub head: ObjHead,
    pub dict: Cell<Option<Obj>>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for InstanceObj {
    const LAYOUT: Layout = Layout::Object;
}

const WORD: usize = core::mem::size_of::<usize>();

// ------------------------------------------------------------------ lookup

/// Iterate over a type's MRO (itself first).
pub fn mro_of(t: &'static TypeObj) -> MroIter {
    MroIter {
        mro: t.mro,
        idx: 0,
        cur: Some(t),
    }
}

pub struct MroIter {
    mro: Option<Obj>,
    idx: usize,
    cur: Option<&'static TypeObj>,
}

impl Iterator for MroIter {
    type Item = &'static TypeObj;
    fn next(&mut self) -> Option<&'static TypeObj> {
        match self.mro {
            Some(m) => {
                let items = tuple::tuple_items(m);
                let t = items.get(self.idx)?;
                self.idx += 1;
                t.as_type()
            }
            None => {
                let c = self.cur?;
                self.cur = c.base;
                Some(c)
            }
        }
    }
}

/// Look `name` up in the type's own namespace (not the MRO).
#[inline]
pub fn own_attr(vm: &Vm, t: &'static TypeObj, name: &str) -> PyResult<Option<Obj>> {
    match t.dict {
        Some(d) => dict::get_str(vm, d, name),
        None => Ok(super::attr::find(t.attrs, name)),
    }
}

/// Find the str object `name` along the MRO of `t`, through the attribute
/// cache (CPython's `_PyType_Lookup` with its method cache).
#[inline]
pub fn lookup_obj(vm: &Vm, t: &'static TypeObj, name: Obj) -> PyResult<Option<Obj>> {
    cached(vm, t, name.raw(), || pystr::as_str(name).unwrap_or(""))
}

/// [`lookup`] for a name known at compile time (dunders), cached by the
/// address of the static text.
#[inline]
pub fn lookup_static(vm: &Vm, t: &'static TypeObj, name: &'static str) -> PyResult<Option<Obj>> {
    cached(vm, t, name.as_ptr() as usize, || name)
}

#[inline]
fn cached(
    vm: &Vm,
    t: &'static TypeObj,
    key: usize,
    text: impl FnOnce() -> &'static str,
) -> PyResult<Option<Obj>> {
    let tw = t as *const TypeObj as usize;
    if let Some(r) = cache_probe(vm, tw, key) {
        return Ok(r);
    }
    let r = lookup(vm, t, text())?;
    cache_store(vm, tw, key, r);
    Ok(r)
}

#[inline]
fn cache_slot(a: usize, b: usize) -> usize {
    ((a >> 4) ^ (b >> 3).wrapping_mul(31)) % crate::config::ATTR_CACHE
}

#[inline]
fn cache_probe(vm: &Vm, a: usize, b: usize) -> Option<Option<Obj>> {
    let e = &vm.attr_cache[cache_slot(a, b)];
    if e.ty.get() == a && e.name.get() == b {
        return Some(if e.found.get() {
            // SAFETY: cached values are live objects (the cache is a GC root).
            unsafe { Obj::from_raw(e.value.get()) }
        } else {
            None
        });
    }
    None
}

#[inline]
fn cache_store(vm: &Vm, a: usize, b: usize, r: Option<Obj>) {
    let e = &vm.attr_cache[cache_slot(a, b)];
    e.ty.set(a);
    e.name.set(b);
    e.value.set(r.map(|o| o.raw()).unwrap_or(0));
    e.found.set(r.is_some());
}

/// A lookup keyed by two words (e.g. a static table's address and a name)
/// through the attribute cache; `compute` runs on a miss.
#[inline]
pub fn cache_lookup(
    vm: &Vm,
    a: usize,
    b: usize,
    compute: impl FnOnce() -> Option<Obj>,
) -> Option<Obj> {
    if let Some(r) = cache_probe(vm, a, b) {
        return r;
    }
    let r = compute();
    cache_store(vm, a, b, r);
    r
}

/// Forget every cached lookup (a class namespace changed).
pub fn invalidate_cache(vm: &Vm) {
    for e in vm.attr_cache.iter() {
        e.ty.set(0);
    }
}

/// Find `name` along the MRO of `t` (CPython's `_PyType_Lookup`).
pub fn lookup(vm: &Vm, t: &'static TypeObj, name: &str) -> PyResult<Option<Obj>> {
    for c in mro_of(t) {
        if let Some(v) = own_attr(vm, c, name)? {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

/// The `__dict__` slot of an instance, if its type has one.
#[inline]
pub fn instance_dict_slot(o: Obj) -> Option<&'static Cell<Option<Obj>>> {
    if o.is_small() {
        return None;
    }
    let t = o.ty();
    if t.dictoffset == 0 {
        return None;
    }
    if t.dictoffset == usize::MAX {
        // Var-size instances (tuple, int, str, bytes subclasses): the dict
        // slot is the last word of the allocation.
        let sz = crate::gc::size_of(o.as_ptr() as *const u8);
        if sz < 3 * WORD {
            return None;
        }
        // SAFETY: the allocator reserved (and zeroed) this word for the slot.
        return Some(unsafe { &*((o.raw() + sz - WORD) as *const Cell<Option<Obj>>) });
    }
    // SAFETY: types with a dictoffset allocate a Cell<Option<Obj>> there.
    Some(unsafe { &*((o.raw() + t.dictoffset) as *const Cell<Option<Obj>>) })
}

/// The instance's `__dict__`, created on first use.
pub fn instance_dict(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    match instance_dict_slot(o) {
        Some(c) => match c.get() {
            Some(d) => Ok(Some(d)),
            None => {
                let d = dict::new(vm)?;
                c.set(Some(d));
                Ok(Some(d))
            }
        },
        None => Ok(None),
    }
}

fn is_data_descr(d: Obj) -> bool {
    d.ty().slots.descr_set.is_some()
}

/// CPython's `PyObject_GenericGetAttr`, without the `__getattr__` fallback.
pub fn generic_getattr(vm: &Vm, o: Obj, name: Obj) -> PyResult<Option<Obj>> {
    let t = o.ty();
    let descr = lookup_obj(vm, t, name)?;
    if let Some(d) = descr {
        if is_data_descr(d) {
            if let Some(g) = d.ty().slots.descr_get {
                return g(vm, d, Some(o), t.as_obj()).map(Some);
            }
        }
    }
    if let Some(slot) = instance_dict_slot(o) {
        if let Some(dct) = slot.get() {
            if let Some(v) = dict::get(vm, dct, name)? {
                return Ok(Some(v));
            }
        }
    }
    if let Some(d) = descr {
        if let Some(g) = d.ty().slots.descr_get {
            return g(vm, d, Some(o), t.as_obj()).map(Some);
        }
        return Ok(Some(d));
    }
    Ok(None)
}

/// CPython's `PyObject_GenericSetAttr` (value `None` deletes).
pub fn generic_setattr(vm: &Vm, o: Obj, name: Obj, value: Option<Obj>) -> PyResult<()> {
    let n = pystr::as_str(name).unwrap_or("");
    let t = o.ty();
    if let Some(d) = lookup_obj(vm, t, name)? {
        if let Some(s) = d.ty().slots.descr_set {
            return s(vm, d, o, value);
        }
    }
    match instance_dict(vm, o)? {
        Some(dct) => match value {
            Some(v) => dict::set(vm, dct, name, v),
            None => {
                if dict::del(vm, dct, name)? {
                    Ok(())
                } else {
                    Err(vm.attribute_error(o, name))
                }
            }
        },
        None => {
            if lookup(vm, t, n)?.is_some() {
                Err(vm.new_error(
                    &exc::ATTRIBUTE_ERROR,
                    &format!("'{}' object attribute '{}' is read-only", t.name(), n),
                ))
            } else {
                Err(vm.attribute_error(o, name))
            }
        }
    }
}

// -------------------------------------------------------------- type slots

fn type_getattr(vm: &Vm, tobj: Obj, name: Obj) -> PyResult<Option<Obj>> {
    let n = pystr::as_str(name).unwrap_or("");
    let Some(t) = tobj.as_type() else {
        return generic_getattr(vm, tobj, name);
    };
    let meta = tobj.ty();
    let meta_attr = lookup(vm, meta, n)?;
    if let Some(ma) = meta_attr {
        if is_data_descr(ma) {
            if let Some(g) = ma.ty().slots.descr_get {
                return g(vm, ma, Some(tobj), meta.as_obj()).map(Some);
            }
        }
    }
    if let Some(a) = lookup(vm, t, n)? {
        if let Some(g) = a.ty().slots.descr_get {
            return g(vm, a, None, tobj).map(Some);
        }
        return Ok(Some(a));
    }
    if let Some(ma) = meta_attr {
        if let Some(g) = ma.ty().slots.descr_get {
            return g(vm, ma, Some(tobj), meta.as_obj()).map(Some);
        }
        return Ok(Some(ma));
    }
    Ok(None)
}

fn type_setattr(vm: &Vm, tobj: Obj, name: Obj, value: Option<Obj>) -> PyResult<()> {
    let Some(t) = tobj.as_type() else {
        return generic_setattr(vm, tobj, name, value);
    };
    let n = pystr::as_str(name).unwrap_or("");
    if let Some(d) = lookup(vm, tobj.ty(), n)? {
        if let Some(s) = d.ty().slots.descr_set {
            return s(vm, d, tobj, value);
        }
    }
    let Some(dct) = t.dict else {
        return Err(vm.type_error(&format!(
            "cannot set '{}' attribute of immutable type '{}'",
            n,
            t.name()
        )));
    };
    invalidate_cache(vm);
    match value {
        Some(v) => dict::set(vm, dct, name, v)?,
        None => {
            if !dict::del(vm, dct, name)? {
                return Err(vm.attribute_error(tobj, name));
            }
        }
    }
    if n.starts_with("__") && n.ends_with("__") {
        fixup_slots(vm, t)?;
    }
    Ok(())
}

fn type_call(vm: &Vm, tobj: Obj, args: &Args) -> PyResult<Obj> {
    let Some(t) = tobj.as_type() else {
        return Err(vm.type_error("type expected"));
    };
    if t.is(&TYPE_TYPE) && args.pos.len() == 1 && !args.has_kw() {
        return Ok(args.pos[0].type_obj());
    }
    let Some(newf) = t.slots.new else {
        // C types are named by their full `tp_name` ("module.Name").
        let module = match (t.ext.is_null(), t.dict) {
            (false, Some(d)) => dict::get_str(vm, d, "__module__")?.and_then(pystr::as_str),
            _ => None,
        };
        return Err(vm.type_error(&match module {
            Some(m) => format!("cannot create '{}.{}' instances", m, t.name()),
            None => format!("cannot create '{}' instances", t.name()),
        }));
    };
    let o = newf(vm, t, args)?;
    if !o.ty().is_subtype(t) {
        return Ok(o);
    }
    if let Some(initf) = o.ty().slots.init {
        initf(vm, o, args)?;
    }
    Ok(o)
}

fn type_repr(vm: &Vm, tobj: Obj) -> PyResult<Obj> {
    let Some(t) = tobj.as_type() else {
        return vm.new_str("<type>");
    };
    let module = type_module_name(vm, t)?;
    let qn = match t.qualname {
        Some(q) => pystr::as_str(q).unwrap_or("?"),
        // A builtin type's name may carry its module ("_io.StringIO").
        None => t.name().rsplit('.').next().unwrap_or("?"),
    };
    if module == "builtins" {
        vm.new_string(format!("<class '{}'>", qn))
    } else {
        vm.new_string(format!("<class '{}.{}'>", module, qn))
    }
}

fn type_module_name(vm: &Vm, t: &'static TypeObj) -> PyResult<alloc::string::String> {
    if let Some(d) = t.dict {
        if let Some(m) = dict::get_str(vm, d, "__module__")? {
            if let Some(s) = pystr::as_str(m) {
                return Ok(s.into());
            }
        }
        return Ok("builtins".into());
    }
    match t.name.rfind('.') {
        Some(i) => Ok(t.name[..i].into()),
        None => Ok("builtins".into()),
    }
}

fn type_new_slot(vm: &Vm, meta: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    if args.pos.len() != 3 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let name = args.pos[0];
    let bases = args.pos[1];
    let ns = args.pos[2];
    if pystr::as_str(name).is_none() {
        return Err(vm.type_error(&alloc::format!(
            "type.__new__() argument 1 must be str, not {}",
            name.ty().name()
        )));
    }
    if bases.downcast::<tuple::TupleObj>().is_none() {
        return Err(vm.type_error(&alloc::format!(
            "type.__new__() argument 2 must be tuple, not {}",
            bases.ty().name()
        )));
    }
    if ns.downcast::<dict::DictObj>().is_none() {
        return Err(vm.type_error(&alloc::format!(
            "type.__new__() argument 3 must be dict, not {}",
            ns.ty().name()
        )));
    }
    // The most derived metaclass of the bases must be compatible.
    let mut winner: &'static TypeObj = meta;
    for b in tuple::tuple_items(bases) {
        let bt = b.ty();
        if winner.is_subtype(bt) {
            continue;
        }
        if bt.is_subtype(winner) {
            winner = bt;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    // Pass keyword arguments on to __init_subclass__.
    new_class(vm, meta, name, bases, ns, args)
}

fn type_init_slot(_vm: &Vm, _o: Obj, _args: &Args) -> PyResult<()> {
    Ok(())
}

fn type_hash(_vm: &Vm, o: Obj) -> PyResult<isize> {
    Ok((o.raw() >> 4) as isize)
}

fn type_richcmp(_vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    match op {
        CmpOp::Eq => Ok(super::py_bool(a.is(b))),
        CmpOp::Ne => Ok(super::py_bool(!a.is(b))),
        _ => Ok(super::not_implemented()),
    }
}

fn type_or(vm: &Vm, op: BinOp, a: Obj, b: Obj, inplace: bool) -> PyResult<Obj> {
    // `int | None`: a types.UnionType (see generic.rs).
    super::generic::UNION_TYPE
        .slots
        .num
        .map_or(Ok(super::not_implemented()), |f| f(vm, op, a, b, inplace))
}

// type attributes
fn t_of(vm: &Vm, o: Obj) -> PyResult<&'static TypeObj> {
    o.as_type()
        .ok_or_else(|| vm.type_error("descriptor requires a type"))
}
fn type_get_name(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let t = t_of(vm, o)?;
    match t.name_obj {
        Some(n) => Ok(n),
        None => vm.new_str(t.name.rsplit('.').next().unwrap_or(t.name)),
    }
}
fn type_set_name(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let t = t_of(vm, o)?;
    let Some(v) = v.filter(|v| pystr::as_str(*v).is_some()) else {
        return Err(vm.type_error("can only assign string to __name__"));
    };
    if !t.is_heap() {
        return Err(vm.type_error("cannot set '__name__' attribute of immutable type"));
    }
    // SAFETY: heap type; no reference to the field is held across this write.
    unsafe { (*(o.as_ptr() as *mut TypeObj)).name_obj = Some(v) };
    Ok(())
}
fn type_get_qualname(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let t = t_of(vm, o)?;
    match t.qualname {
        Some(n) => Ok(n),
        None => type_get_name(vm, o),
    }
}
fn type_set_qualname(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let t = t_of(vm, o)?;
    let Some(v) = v.filter(|v| pystr::as_str(*v).is_some()) else {
        return Err(vm.type_error("can only assign string to __qualname__"));
    };
    if !t.is_heap() {
        return Err(vm.type_error("cannot set '__qualname__' attribute of immutable type"));
    }
    // SAFETY: heap type; no reference to the field is held across this write.
    unsafe { (*(o.as_ptr() as *mut TypeObj)).qualname = Some(v) };
    Ok(())
}
fn type_get_mro(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let t = t_of(vm, o)?;
    match t.mro {
        Some(m) => Ok(m),
        None => {
            let v: Vec<Obj> = mro_of(t).map(|c| c.as_obj()).collect();
            tuple::new(vm, &v)
        }
    }
}
fn type_get_bases(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let t = t_of(vm, o)?;
    match t.bases {
        Some(b) => Ok(b),
        None => match t.base {
            Some(b) => tuple::new(vm, &[b.as_obj()]),
            None => tuple::new(vm, &[]),
        },
    }
}
fn type_get_base(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let t = t_of(vm, o)?;
    Ok(t.base.map(|b| b.as_obj()).unwrap_or(none()))
}
fn type_get_dict(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let t = t_of(vm, o)?;
    // A read-only view, as CPython's mappingproxy: live over a class's
    // namespace; a snapshot of a builtin type's static attribute table.
    let d = match t.dict {
        Some(d) => d,
        None => {
            let d = dict::new(vm)?;
            for e in t.attrs {
                let k = vm.intern(e.name)?;
                let mut v = e.obj.get();
                // Instance methods appear as their method descriptors.
                if v.downcast::<super::attr::BuiltinFunc>()
                    .is_some_and(|b| b.kind == super::attr::FnKind::Method)
                {
                    v = super::attr::method_descr(vm, v, o)?;
                }
                dict::set(vm, d, k, v)?;
            }
            d
        }
    };
    super::mappingproxy::new(vm, d)
}
fn type_get_module(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let t = t_of(vm, o)?;
    if let Some(d) = t.dict {
        if let Some(m) = dict::get_str(vm, d, "__module__")? {
            return Ok(m);
        }
    }
    let m = type_module_name(vm, t)?;
    vm.new_str(&m)
}
fn type_get_doc(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let t = t_of(vm, o)?;
    if let Some(d) = t.dict {
        let v = dict::get_str(vm, d, "__doc__")?.unwrap_or(none());
        if let Some(g) = v.ty().slots.descr_get {
            return g(vm, v, None, o);
        }
        return Ok(v);
    }
    if t.doc.is_empty() {
        Ok(none())
    } else {
        vm.new_str(t.doc)
    }
}
/// `cls.__doc__ = v` (heap types only, as CPython).
fn type_set_doc(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let t = t_of(vm, o)?;
    let Some(d) = t.dict.filter(|_| t.is_heap()) else {
        return Err(vm.type_error(&format!(
            "cannot set '__doc__' attribute of immutable type '{}'",
            t.name()
        )));
    };
    let k = vm.intern("__doc__")?;
    match v {
        Some(v) => dict::set(vm, d, k, v),
        None => dict::del(vm, d, k).map(|_| ()),
    }
}
fn type_get_abstract(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let t = t_of(vm, o)?;
    if let Some(d) = t.dict {
        if let Some(v) = dict::get_str(vm, d, "__abstractmethods__")? {
            return Ok(v);
        }
    }
    Err(vm.new_error(&exc::ATTRIBUTE_ERROR, "__abstractmethods__"))
}
fn type_set_abstract(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let t = t_of(vm, o)?;
    let Some(d) = t.dict else {
        return Err(vm.type_error("cannot set __abstractmethods__"));
    };
    let k = vm.intern("__abstractmethods__")?;
    let abstract_ = match v {
        Some(v) => {
            dict::set(vm, d, k, v)?;
            crate::vm::abs::truthy(vm, v)?
        }
        None => {
            dict::del(vm, d, k)?;
            false
        }
    };
    // SAFETY: heap type; no reference to the field is held across this write.
    unsafe {
        let tp = o.as_ptr() as *mut TypeObj;
        if abstract_ {
            (*tp).flags |= tpflags::ABSTRACT;
        } else {
            (*tp).flags &= !tpflags::ABSTRACT;
        }
    }
    Ok(())
}
fn type_get_dictoffset(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    let off = match o.as_type() {
        // The dict of a type object is its `TypeObj::dict` field (CPython
        // answers `tp_dict`'s offset): Cython's Limited-API code reads a
        // class's dict at `type.__dictoffset__`.
        Some(t) if t.dictoffset == 0 && t.is_subtype(&TYPE_TYPE) => {
            core::mem::offset_of!(TypeObj, dict)
        }
        Some(t) => t.dictoffset,
        None => 0,
    };
    Ok(Obj::small(off as isize))
}
fn type_get_basicsize(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(
        o.as_type().map(|t| t.basicsize).unwrap_or(0) as isize
    ))
}
/// `type.__itemsize__`: the size of the items stored inline after the
/// fixed part (int digits, tuple items, bytes), as C extensions check
/// before extending a type (0: a fixed-size layout).
fn type_get_itemsize(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    let n = match o.as_type().map(|t| t.layout) {
        Some(Layout::Int | Layout::Bool) => core::mem::size_of::<u32>(),
        Some(Layout::Tuple) => core::mem::size_of::<Obj>(),
        Some(Layout::Bytes) => 1,
        _ => 0,
    };
    Ok(Obj::small(n as isize))
}
fn type_get_flags(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    let t = o.as_type();
    let mut f = 0isize;
    if let Some(t) = t {
        if t.flags & tpflags::HEAPTYPE != 0 {
            f |= 1 << 9;
        }
        if t.flags & tpflags::BASETYPE != 0 {
            f |= 1 << 10;
        }
        if t.flags & tpflags::ABSTRACT != 0 {
            f |= 1 << 20;
        }
    }
    Ok(Obj::small(f))
}

fn type_m_mro(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "mro", 1, 1)?;
    let t = args.pos[0];
    let m = type_get_mro(vm, t)?;
    super::list::new(vm, tuple::tuple_items(m))
}
fn type_m_subclasses(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__subclasses__", 1, 1)?;
    // Subclass lists are not tracked (they would cost RAM per class).
    super::list::new(vm, &[])
}
fn type_m_instancecheck(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__instancecheck__", 2, 2)?;
    let t = t_of(vm, args.pos[0])?;
    Ok(super::py_bool(args.pos[1].ty().is_subtype(t)))
}
fn type_m_subclasscheck(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__subclasscheck__", 2, 2)?;
    let t = t_of(vm, args.pos[0])?;
    let s = t_of(vm, args.pos[1])?;
    Ok(super::py_bool(s.is_subtype(t)))
}
fn type_m_prepare(vm: &Vm, _args: &Args) -> PyResult<Obj> {
    dict::new(vm)
}

fn type_m_new(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let Some(meta) = args.pos.first().and_then(|m| m.as_type()) else {
        return Err(vm.type_error("type.__new__(X): X is not a type object"));
    };
    if !meta.is_subtype(&TYPE_TYPE) {
        return Err(vm.type_error(&format!(
            "type.__new__({}): {} is not a subtype of type",
            meta.name(),
            meta.name()
        )));
    }
    let rest = Args {
        pos: &args.pos[1..],
        kw: args.kw,
        kwnames: args.kwnames,
    };
    if rest.pos.len() == 1 && !rest.has_kw() && meta.is(&TYPE_TYPE) {
        return Ok(rest.pos[0].type_obj());
    }
    type_new_slot(vm, meta, &rest)
}
fn type_m_call(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let Some(&t) = args.pos.first() else {
        return Err(vm.type_error("descriptor '__call__' needs an argument"));
    };
    let rest = Args {
        pos: &args.pos[1..],
        kw: args.kw,
        kwnames: args.kwnames,
    };
    type_call(vm, t, &rest)
}

static TYPE_ATTRS: [AttrEntry; 21] = [
    staticmethod!("__new__", type_m_new),
    method!("__call__", type_m_call),
    getset!("__name__", type_get_name, type_set_name),
    getset!("__qualname__", type_get_qualname, type_set_qualname),
    getset!("__mro__", type_get_mro),
    getset!("__bases__", type_get_bases),
    getset!("__base__", type_get_base),
    getset!("__dict__", type_get_dict),
    getset!("__module__", type_get_module),
    getset!("__doc__", type_get_doc, type_set_doc),
    getset!("__abstractmethods__", type_get_abstract, type_set_abstract),
    getset!("__dictoffset__", type_get_dictoffset),
    getset!("__basicsize__", type_get_basicsize),
    getset!("__itemsize__", type_get_itemsize),
    getset!("__flags__", type_get_flags),
    method!("mro", type_m_mro),
    method!("__subclasses__", type_m_subclasses),
    method!("__instancecheck__", type_m_instancecheck),
    method!("__subclasscheck__", type_m_subclasscheck),
    classmethod!("__prepare__", type_m_prepare),
    method!("__init__", type_m_init),
];

fn type_m_init(_vm: &Vm, _args: &Args) -> PyResult<Obj> {
    Ok(none())
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static TYPE_TYPE: TypeObj = TypeObj {
    head: ObjHead::immortal(&TYPE_TYPE),
    name: "type",
    layout: Layout::Type,
    flags: tpflags::BASETYPE,
    base: Some(&OBJECT_TYPE),
    slots: Slots {
        getattr: Some(type_getattr),
        setattr: Some(type_setattr),
        call: Some(type_call),
        repr: Some(type_repr),
        new: Some(type_new_slot),
        init: Some(type_init_slot),
        hash: Some(type_hash),
        richcmp: Some(type_richcmp),
        num: Some(type_or),
        ..Slots::EMPTY
    },
    attrs: &TYPE_ATTRS,
    basicsize: core::mem::size_of::<TypeObj>(),
    dictoffset: 0,
    doc: "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
    dict: None,
    name_obj: None,
    qualname: None,
    bases: None,
    mro: None,
    ext: core::ptr::null(),
    mutable: core::cell::UnsafeCell::new(()),
};

// ------------------------------------------------------------------ object

fn object_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    if !args.pos.is_empty() || args.has_kw() {
        // Extra arguments are an error unless __init__ is overridden and
        // __new__ is not (CPython's excess-args rule).
        let init_over = t.flags & tpflags::PY_INIT != 0;
        let new_over = t.flags & tpflags::PY_NEW != 0;
        if new_over || !init_over {
            return Err(vm.type_error(&format!("{}() takes no arguments", t.name())));
        }
    }
    if t.flags & tpflags::ABSTRACT != 0 {
        return Err(abstract_error(vm, t));
    }
    alloc_instance(vm, t)
}

fn abstract_error(vm: &Vm, t: &'static TypeObj) -> crate::vm::Raised {
    let mut names: Vec<alloc::string::String> = Vec::new();
    if let Some(d) = t.dict {
        if let Ok(Some(v)) = dict::get_str(vm, d, "__abstractmethods__") {
            if let Ok(items) = crate::vm::abs::to_vec(vm, v) {
                for i in items {
                    if let Some(s) = pystr::as_str(i) {
                        names.push(s.into());
                    }
                }
            }
        }
    }
    names.sort();
    let list = names
        .iter()
        .map(|s| format!("'{}'", s))
        .collect::<Vec<_>>()
        .join(", ");
    vm.type_error(&format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        t.name(),
        if names.len() == 1 { "" } else { "s" },
        list
    ))
}

/// Allocate a bare instance of `t` (header + zeroed payload + dict slot).
pub fn alloc_instance(vm: &Vm, t: &'static TypeObj) -> PyResult<Obj> {
    let size = t.basicsize.max(core::mem::size_of::<InstanceObj>());
    let mut kind = crate::gc::kind::OBJECT;
    if t.flags & tpflags::FINALIZE != 0 {
        kind |= crate::gc::kind::FINALISER;
    }
    let p = vm.alloc_raw(size, kind)? as *mut ObjHead;
    // SAFETY: fresh zeroed allocation of `size` bytes.
    unsafe {
        (*p).ty = t as *const TypeObj;
        Ok(Obj::from_ptr(p))
    }
}

fn object_init(vm: &Vm, o: Obj, args: &Args) -> PyResult<()> {
    if !args.pos.is_empty() || args.has_kw() {
        let t = o.ty();
        let init_over = t.flags & tpflags::PY_INIT != 0;
        let new_over = t.flags & tpflags::PY_NEW != 0;
        // CPython names object when a class's own __init__ passed the
        // arguments on, the class when nothing overrides __init__/__new__.
        if init_over {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if !new_over {
            return Err(vm.type_error(&format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                t.name()
            )));
        }
    }
    Ok(())
}

fn object_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let t = o.ty();
    let module = type_module_name(vm, t)?;
    let qn = match t.qualname {
        Some(q) => pystr::as_str(q).unwrap_or("?"),
        // A builtin type's name may carry its module ("_io.StringIO").
        None => t.name().rsplit('.').next().unwrap_or("?"),
    };
    if module == "builtins" {
        vm.new_string(format!("<{} object at {:#x}>", qn, o.raw()))
    } else {
        vm.new_string(format!("<{}.{} object at {:#x}>", module, qn, o.raw()))
    }
}

fn object_str(vm: &Vm, o: Obj) -> PyResult<Obj> {
    crate::vm::abs::repr(vm, o)
}

fn object_hash(_vm: &Vm, o: Obj) -> PyResult<isize> {
    Ok((o.raw() >> 4) as isize)
}

fn object_richcmp(_vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    match op {
        CmpOp::Eq => Ok(if a.is(b) {
            super::true_obj()
        } else {
            super::not_implemented()
        }),
        _ => Ok(super::not_implemented()),
    }
}

fn object_m_new(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let Some(first) = args.pos.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    let Some(t) = first.as_type() else {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    };
    if t.flags & tpflags::ABSTRACT != 0 {
        return Err(abstract_error(vm, t));
    }
    if args.pos.len() > 1 || args.has_kw() {
        let init_over = t.flags & tpflags::PY_INIT != 0;
        let new_over = t.flags & tpflags::PY_NEW != 0;
        if new_over {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !init_over {
            return Err(vm.type_error(&format!("{}() takes no arguments", t.name())));
        }
    }
    // A builtin solid base (e.g. int) needs its own __new__.
    let solid = solid_base(t);
    if !solid.is(&OBJECT_TYPE)
        && solid.layout != Layout::Object
        && solid.layout != Layout::Exception
    {
        return Err(vm.type_error(&format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            t.name(),
            solid.name()
        )));
    }
    if solid.layout == Layout::Exception {
        return exc::new_exception_raw(vm, t, &args.pos[1..]);
    }
    alloc_instance(vm, t)
}
fn object_m_init(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let Some(&o) = args.pos.first() else {
        return Err(vm.type_error("__init__ needs an argument"));
    };
    let rest = Args {
        pos: &args.pos[1..],
        kw: args.kw,
        kwnames: args.kwnames,
    };
    object_init(vm, o, &rest)?;
    Ok(none())
}
fn object_m_repr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__repr__", 1, 1)?;
    object_repr(vm, args.pos[0])
}
fn object_m_str(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__str__", 1, 1)?;
    crate::vm::abs::repr(vm, args.pos[0])
}
fn object_m_hash(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__hash__", 1, 1)?;
    Ok(Obj::small(object_hash(vm, args.pos[0])?))
}
fn object_m_eq(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__eq__", 2, 2)?;
    object_richcmp(vm, args.pos[0], args.pos[1], CmpOp::Eq)
}
fn object_m_ne(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__ne__", 2, 2)?;
    let r = crate::vm::abs::rich_compare_one(vm, args.pos[0], args.pos[1], CmpOp::Eq)?;
    if r.is(super::not_implemented()) {
        return Ok(r);
    }
    Ok(super::py_bool(!crate::vm::abs::truthy(vm, r)?))
}
fn object_m_cmp_ni(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "comparison", 2, 2)?;
    Ok(super::not_implemented())
}
fn object_m_getattribute(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__getattribute__", 2, 2)?;
    let (o, n) = (args.pos[0], args.pos[1]);
    if pystr::as_str(n).is_none() {
        return Err(vm.type_error("attribute name must be string"));
    }
    let r = if o.as_type().is_some() {
        type_getattr(vm, o, n)?
    } else {
        generic_getattr(vm, o, n)?
    };
    r.ok_or_else(|| vm.attribute_error(o, n))
}
fn object_m_setattr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__setattr__", 3, 3)?;
    if pystr::as_str(args.pos[1]).is_none() {
        return Err(vm.type_error("attribute name must be string"));
    }
    if args.pos[0].as_type().is_some() {
        type_setattr(vm, args.pos[0], args.pos[1], Some(args.pos[2]))?;
    } else {
        generic_setattr(vm, args.pos[0], args.pos[1], Some(args.pos[2]))?;
    }
    Ok(none())
}
fn object_m_delattr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__delattr__", 2, 2)?;
    if pystr::as_str(args.pos[1]).is_none() {
        return Err(vm.type_error("attribute name must be string"));
    }
    generic_setattr(vm, args.pos[0], args.pos[1], None)?;
    Ok(none())
}
fn object_m_init_subclass(_vm: &Vm, _args: &Args) -> PyResult<Obj> {
    Ok(none())
}
fn object_m_subclasshook(_vm: &Vm, _args: &Args) -> PyResult<Obj> {
    Ok(super::not_implemented())
}
fn object_m_format(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__format__", 2, 2)?;
    let spec =
        pystr::as_str(args.pos[1]).ok_or_else(|| vm.type_error("format spec must be str"))?;
    if !spec.is_empty() {
        return Err(vm.type_error(&format!(
            "unsupported format string passed to {}.__format__",
            args.pos[0].ty().name()
        )));
    }
    crate::vm::abs::str(vm, args.pos[0])
}
fn object_m_dir(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__dir__", 1, 1)?;
    let o = args.pos[0];
    let d = dict::new(vm)?;
    if let Some(slot) = instance_dict_slot(o) {
        if let Some(idict) = slot.get() {
            dict::update(vm, d, idict)?;
        }
    }
    let t = o.as_type().unwrap_or(o.ty());
    let types: Vec<&'static TypeObj> = if o.as_type().is_some() {
        mro_of(t).collect()
    } else {
        mro_of(o.ty()).collect()
    };
    for c in types {
        match c.dict {
            Some(cd) => {
                for k in dict::keys_vec(cd) {
                    dict::set(vm, d, k, none())?;
                }
            }
            None => {
                for e in c.attrs {
                    let k = vm.intern(e.name)?;
                    dict::set(vm, d, k, none())?;
                }
            }
        }
    }
    super::list::new(vm, &dict::keys_vec(d))
}
fn object_m_reduce_ex(vm: &Vm, _args: &Args) -> PyResult<Obj> {
    Err(vm.type_error("cannot pickle objects in ferropy"))
}
fn object_m_sizeof(_vm: &Vm, args: &Args) -> PyResult<Obj> {
    let t = args.pos.first().map(|o| o.ty().basicsize).unwrap_or(0);
    Ok(Obj::small(t as isize))
}
fn object_get_class(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(o.type_obj())
}
fn object_set_class(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let Some(nt) = v.and_then(|v| v.as_type()) else {
        return Err(vm.type_error("__class__ must be set to a class"));
    };
    let ot = o.ty();
    if !nt.is_heap() || !ot.is_heap() || nt.layout != ot.layout || nt.basicsize != ot.basicsize {
        return Err(vm.type_error(&format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            nt.name(),
            ot.name()
        )));
    }
    // SAFETY: same layout and size; the header's type pointer is ours to set.
    unsafe { (*o.as_ptr()).ty = nt as *const TypeObj };
    Ok(())
}
fn object_get_dict(vm: &Vm, o: Obj) -> PyResult<Obj> {
    match instance_dict(vm, o)? {
        Some(d) => Ok(d),
        None => Err(vm.new_error(
            &exc::ATTRIBUTE_ERROR,
            &format!("'{}' object has no attribute '__dict__'", o.ty().name()),
        )),
    }
}
fn object_set_dict(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let Some(v) = v.filter(|v| v.downcast::<dict::DictObj>().is_some()) else {
        return Err(vm.type_error("__dict__ must be set to a dictionary"));
    };
    match instance_dict_slot(o) {
        Some(s) => {
            s.set(Some(v));
            Ok(())
        }
        None => Err(vm.new_error(
            &exc::ATTRIBUTE_ERROR,
            &format!("'{}' object has no attribute '__dict__'", o.ty().name()),
        )),
    }
}

static OBJECT_ATTRS: [AttrEntry; 24] = [
    staticmethod!("__new__", object_m_new),
    method!("__init__", object_m_init),
    method!("__repr__", object_m_repr),
    method!("__str__", object_m_str),
    method!("__hash__", object_m_hash),
    method!("__eq__", object_m_eq),
    method!("__ne__", object_m_ne),
    method!("__lt__", object_m_cmp_ni),
    method!("__le__", object_m_cmp_ni),
    method!("__gt__", object_m_cmp_ni),
    method!("__ge__", object_m_cmp_ni),
    method!("__getattribute__", object_m_getattribute),
    method!("__setattr__", object_m_setattr),
    method!("__delattr__", object_m_delattr),
    classmethod!("__init_subclass__", object_m_init_subclass),
    classmethod!("__subclasshook__", object_m_subclasshook),
    method!("__format__", object_m_format),
    method!("__dir__", object_m_dir),
    method!("__reduce_ex__", object_m_reduce_ex),
    method!("__reduce__", object_m_reduce_ex),
    method!("__sizeof__", object_m_sizeof),
    getset!("__class__", object_get_class, object_set_class),
    getset!("__dict__", object_get_dict, object_set_dict),
    getset!("__doc__", object_get_doc),
];

fn object_get_doc(vm: &Vm, o: Obj) -> PyResult<Obj> {
    type_get_doc(vm, o.type_obj())
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static OBJECT_TYPE: TypeObj = TypeObj {
    head: ObjHead::immortal(&TYPE_TYPE),
    name: "object",
    layout: Layout::Object,
    flags: tpflags::BASETYPE,
    base: None,
    slots: Slots {
        getattr: Some(generic_getattr),
        setattr: Some(generic_setattr),
        repr: Some(object_repr),
        str: Some(object_str),
        hash: Some(object_hash),
        richcmp: Some(object_richcmp),
        new: Some(object_new),
        init: Some(object_init),
        ..Slots::EMPTY
    },
    attrs: &OBJECT_ATTRS,
    basicsize: core::mem::size_of::<ObjHead>(),
    dictoffset: 0,
    doc: "The base class of the class hierarchy.",
    dict: None,
    name_obj: None,
    qualname: None,
    bases: None,
    mro: None,
    ext: core::ptr::null(),
    mutable: core::cell::UnsafeCell::new(()),
};

// -------------------------------------------------------- class creation

/// The base that decides the instance layout.
/// The type whose instance layout `t`'s instances have (for the
/// multiple-inheritance check): builtin types adding nothing to their
/// base's layout (OSError over Exception) do not count, as in CPython.
fn layout_base(t: &'static TypeObj) -> &'static TypeObj {
    // A class with `__slots__` members lays out its instances itself.
    let mut h = t;
    while h.is_heap() && h.ext.is_null() {
        if h.flags & tpflags::SLOTS != 0 {
            return h;
        }
        match h.base {
            Some(b) => h = b,
            None => break,
        }
    }
    let mut c = solid_base(t);
    while let Some(b) = c.base {
        if b.layout != c.layout || b.basicsize != c.basicsize {
            break;
        }
        c = b;
    }
    c
}

/// Does a Python class along `t`'s MRO (before the first builtin type)
/// define `name` in its namespace?
pub fn class_defines(vm: &Vm, t: &'static TypeObj, name: &str) -> bool {
    mro_of(t).take_while(|c| c.is_heap()).any(|c| {
        c.dict
            .is_some_and(|d| dict::get_str(vm, d, name).ok().flatten().is_some())
    })
}

pub fn solid_base(t: &'static TypeObj) -> &'static TypeObj {
    let mut c = t;
    loop {
        if !c.is_heap() || !c.ext.is_null() {
            return c;
        }
        match c.base {
            Some(b) => c = b,
            None => return c,
        }
    }
}

/// C3 linearisation of `bases` for a new class (the class itself excluded).
pub fn c3_mro(vm: &Vm, bases: &[Obj]) -> PyResult<Vec<Obj>> {
    let mut seqs: Vec<Vec<Obj>> = Vec::new();
    for b in bases {
        let t = b
            .as_type()
            .ok_or_else(|| vm.type_error("bases must be types"))?;
        seqs.push(mro_of(t).map(|c| c.as_obj()).collect());
    }
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = s[0];
            if !seqs.iter().any(|o| o[1..].iter().any(|x| x.is(cand))) {
                found = Some(cand);
                break;
            }
        }
        let Some(c) = found else {
            let names: Vec<&str> = bases
                .iter()
                .filter_map(|b| b.as_type())
                .map(|t| t.name())
                .collect();
            return Err(vm.type_error(&format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0].is(c) {
                s.remove(0);
            }
        }
    }
}

/// Create a class: `meta(name, bases, ns)` after `__prepare__` and the body.
/// `args` carries the keyword arguments for `__init_subclass__`.
pub fn new_class(
    vm: &Vm,
    meta: &'static TypeObj,
    name: Obj,
    bases: Obj,
    ns: Obj,
    args: &Args,
) -> PyResult<Obj> {
    let mut base_list: Vec<Obj> = tuple::tuple_items(bases).to_vec();
    if base_list.is_empty() {
        base_list.push(OBJECT_TYPE.as_obj());
    }
    // Choose the solid base and check layouts.
    let mut best: &'static TypeObj = &OBJECT_TYPE;
    for b in &base_list {
        let t = b
            .as_type()
            .ok_or_else(|| vm.type_error("bases must be types"))?;
        if t.flags & tpflags::BASETYPE == 0 {
            return Err(vm.type_error(&format!(
                "type '{}' is not an acceptable base type",
                t.name()
            )));
        }
        let sb = layout_base(t);
        let cur = layout_base(best);
        if sb.is_subtype(cur) {
            best = t;
        } else if !cur.is_subtype(sb) {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
    }
    let mut mro = alloc::vec![Obj::small(0)];
    mro.extend(c3_mro(vm, &base_list)?);
    let base = best;
    let sb = solid_base(base);
    let dict = dict::copy(vm, ns)?;
    // __slots__: named fixed slots instead of (or besides) a __dict__.
    let slot_names: Option<Vec<Obj>> = match dict::get_str(vm, dict, "__slots__")? {
        Some(sl) => {
            let items = if pystr::is_str(sl) {
                alloc::vec![sl]
            } else {
                crate::vm::abs::to_vec(vm, sl)?
            };
            for it in &items {
                if !pystr::is_str(*it) {
                    return Err(vm.type_error(&format!(
                        "__slots__ items must be strings, not '{}'",
                        it.ty().name()
                    )));
                }
            }
            Some(items)
        }
        None => None,
    };
    let var_size = matches!(
        sb.layout,
        Layout::Tuple | Layout::Int | Layout::Str | Layout::Bytes
    );
    // Instances have a __dict__ unless __slots__ leaves it out and no base
    // has one.
    let want_dict = match &slot_names {
        Some(names) => {
            names.iter().any(|n| pystr::as_str(*n) == Some("__dict__"))
                || base_list
                    .iter()
                    .any(|b| b.as_type().is_some_and(|t| t.dictoffset != 0))
        }
        None => true,
    };
    let mut size = (base.basicsize.max(core::mem::size_of::<ObjHead>()) + WORD - 1) & !(WORD - 1);
    let mut slot_offsets: Vec<(Obj, usize)> = Vec::new();
    if let Some(names) = &slot_names {
        for n in names {
            let s = pystr::as_str(*n).unwrap_or("");
            if s == "__dict__" || s == "__weakref__" {
                continue;
            }
            if var_size {
                return Err(vm.type_error(&format!(
                    "nonempty __slots__ not supported for subtype of '{}'",
                    sb.name()
                )));
            }
            let mangled = mangle_private(vm, pystr::as_str(name).unwrap_or(""), *n)?;
            if dict::get(vm, dict, mangled)?.is_some() {
                return Err(vm.value_error(&format!(
                    "'{}' in __slots__ conflicts with class variable",
                    pystr::as_str(mangled).unwrap_or("")
                )));
            }
            slot_offsets.push((mangled, size));
            size += WORD;
        }
    }
    let (basicsize, dictoffset) = if base.dictoffset != 0 {
        (
            if var_size { base.basicsize } else { size },
            base.dictoffset,
        )
    } else if !want_dict {
        (if var_size { base.basicsize } else { size }, 0)
    } else if var_size {
        // Variable-size payload: the dict slot goes after the items.
        (sb.basicsize, usize::MAX)
    } else {
        (size + WORD, size)
    };
    for (n, off) in &slot_offsets {
        let d = new_member(vm, *n, *off, name)?;
        dict::set(vm, dict, *n, d)?;
    }
    let qualname = match dict::get_str(vm, dict, "__qualname__")? {
        Some(q) => {
            if pystr::as_str(q).is_none() {
                return Err(vm.type_error("type __qualname__ must be a str"));
            }
            let k = vm.intern("__qualname__")?;
            dict::del(vm, dict, k)?;
            q
        }
        None => name,
    };
    if dict::get_str(vm, dict, "__module__")?.is_none() {
        if let Some(m) = crate::vm::frame::current_globals_name(vm)? {
            let k = vm.intern("__module__")?;
            dict::set(vm, dict, k, m)?;
        }
    }
    if dict::get_str(vm, dict, "__doc__")?.is_none() {
        let k = vm.intern("__doc__")?;
        dict::set(vm, dict, k, none())?;
    }
    // __new__, __init_subclass__ and __class_getitem__ are implicitly
    // static/class methods.
    for (n, wrap) in [
        ("__new__", 0u8),
        ("__init_subclass__", 1),
        ("__class_getitem__", 1),
    ] {
        if let Some(f) = dict::get_str(vm, dict, n)? {
            if f.layout() == Layout::Function {
                let w = if wrap == 0 {
                    func::new_staticmethod(vm, f)?
                } else {
                    func::new_classmethod(vm, f)?
                };
                let k = vm.intern(n)?;
                dict::set(vm, dict, k, w)?;
            }
        }
    }
    let mut flags = tpflags::HEAPTYPE | tpflags::BASETYPE;
    if !slot_offsets.is_empty() {
        flags |= tpflags::SLOTS;
    }
    if dictoffset != 0 {
        flags |= tpflags::HAS_DICT;
    }
    if base.flags & tpflags::EXCEPTION != 0 {
        flags |= tpflags::EXCEPTION;
    }
    // Weak references: inherited, else added unless __slots__ leaves out
    // __weakref__ or the base's instances are variable-sized (CPython's
    // rule; str counts as fixed-size there).
    let want_weakref = match &slot_names {
        Some(names) => names
            .iter()
            .any(|n| pystr::as_str(*n) == Some("__weakref__")),
        None => true,
    };
    if base_list.iter().any(|b| {
        b.as_type()
            .is_some_and(crate::obj::weakref::type_weakrefable)
    }) || (want_weakref && !matches!(sb.layout, Layout::Tuple | Layout::Int | Layout::Bytes))
    {
        flags |= tpflags::WEAKREF;
    }
    let t = TypeObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: meta as *const TypeObj,
        },
        name: "",
        layout: sb.layout,
        flags,
        base: Some(base),
        slots: sb.slots,
        attrs: &[],
        basicsize,
        dictoffset,
        doc: "",
        dict: Some(dict),
        name_obj: Some(vm.intern_obj(name)?),
        qualname: Some(qualname),
        bases: None,
        mro: None,
        ext: core::ptr::null(),
        mutable: core::cell::UnsafeCell::new(()),
    };
    let cext = vm.cext.get().filter(|_| !sb.ext.is_null());
    let c_size = cext.map_or(0, |c| c.subclass_type_size(sb));
    let size = meta
        .basicsize
        .max(core::mem::size_of::<TypeObj>())
        .max(c_size);
    let tobj = vm.alloc_obj_sized(t, size)?;
    if c_size != 0 {
        if let Some(c) = cext {
            c.init_subclass_type(vm, sb, tobj);
        }
    }
    mro[0] = tobj;
    let mro_t = tuple::new(vm, &mro)?;
    let bases_t = tuple::new(vm, &base_list)?;
    // SAFETY: freshly created heap type, not yet visible to anyone else.
    let tp = unsafe {
        let tp = tobj.as_ptr() as *mut TypeObj;
        (*tp).mro = Some(mro_t);
        (*tp).bases = Some(bases_t);
        if meta.dictoffset != 0 {
            // A metaclass with instance dicts: its slot lives after TypeObj.
        }
        &*tp
    };
    // A class that defines __eq__ but not __hash__ is unhashable.
    if dict::get_str(vm, dict, "__eq__")?.is_some()
        && dict::get_str(vm, dict, "__hash__")?.is_none()
    {
        let k = vm.intern("__hash__")?;
        dict::set(vm, dict, k, none())?;
    }
    fixup_slots(vm, tp)?;
    // __classcell__
    if let Some(cell) = dict::get_str(vm, dict, "__classcell__")? {
        if let Some(c) = cell.downcast::<func::CellObj>() {
            c.value.set(Some(tobj));
        }
        let k = vm.intern("__classcell__")?;
        dict::del(vm, dict, k)?;
    }
    // __set_name__
    for (k, v) in dict::items_vec(dict) {
        if let Some(sn) = lookup_static(vm, v.ty(), "__set_name__")? {
            crate::vm::call::call(vm, sn, &[v, tobj, k])?;
        }
    }
    // __init_subclass__ of the parent
    let sup = super::func::new_super(vm, tp, tobj)?;
    let isc = crate::vm::abs::getattr_str(vm, sup, "__init_subclass__")?;
    let kwargs = Args {
        pos: &[],
        kw: args.kw,
        kwnames: args.kwnames,
    };
    crate::vm::call::call_args(vm, isc, &kwargs)?;
    Ok(tobj)
}

/// Recompute a heap type's slots from the dunders along its MRO.
pub fn fixup_slots(vm: &Vm, t: &'static TypeObj) -> PyResult<()> {
    invalidate_cache(vm);
    let sb = solid_base(t);
    let mut s = sb.slots;
    // Instances of classes have attributes even when the builtin base has
    // no attribute slots of its own.
    if s.getattr.is_none() {
        s.getattr = Some(generic_getattr);
    }
    if s.setattr.is_none() {
        s.setattr = Some(generic_setattr);
    }
    let has = |n: &str| -> PyResult<bool> {
        for c in mro_of(t) {
            if !c.is_heap() || !c.ext.is_null() {
                return Ok(false);
            }
            if own_attr(vm, c, n)?.is_some() {
                return Ok(true);
            }
        }
        Ok(false)
    };
    if has("__repr__")? {
        s.repr = Some(slot_repr);
    }
    if has("__str__")? {
        s.str = Some(slot_str);
    }
    if has("__hash__")? {
        s.hash = Some(slot_hash);
    }
    if has("__eq__")?
        || has("__ne__")?
        || has("__lt__")?
        || has("__le__")?
        || has("__gt__")?
        || has("__ge__")?
    {
        s.richcmp = Some(slot_richcmp);
    }
    let mut flags = t.flags;
    if has("__getattribute__")? || has("__getattr__")? {
        s.getattr = Some(slot_getattr);
        flags |= tpflags::HAS_GETATTR;
    }
    if has("__setattr__")? || has("__delattr__")? {
        s.setattr = Some(slot_setattr);
    }
    if has("__call__")? {
        s.call = Some(slot_call);
    }
    if has("__iter__")? {
        s.iter = Some(slot_iter);
    }
    if has("__next__")? {
        s.iternext = Some(slot_iternext);
    }
    if has("__len__")? {
        s.len = Some(slot_len);
    }
    if has("__getitem__")? {
        s.getitem = Some(slot_getitem);
    }
    if has("__setitem__")? || has("__delitem__")? {
        s.setitem = Some(slot_setitem);
    }
    if has("__contains__")? {
        s.contains = Some(slot_contains);
    }
    let mut num = false;
    for op in BinOp::ALL {
        if has(op.dunder())? || has(op.rdunder())? || has(op.idunder())? {
            num = true;
            break;
        }
    }
    flags &= !(tpflags::PY_INIT | tpflags::PY_NEW | tpflags::PY_NUM);
    if !sb.ext.is_null() {
        // A C base's own `tp_init`/`tp_new` count as overrides.
        flags |= sb.flags & (tpflags::PY_INIT | tpflags::PY_NEW | tpflags::PY_NUM);
    }
    if num {
        s.num = Some(slot_num);
        flags |= tpflags::PY_NUM;
    }
    if has("__neg__")? || has("__pos__")? || has("__invert__")? {
        s.unary = Some(slot_unary);
    }
    if has("__bool__")? || (has("__len__")? && sb.slots.bool.is_none()) {
        s.bool = Some(slot_bool);
    }
    if has("__index__")? {
        s.index = Some(slot_index);
    }
    if has("__int__")? {
        s.int = Some(slot_int);
    }
    if has("__float__")? {
        s.float = Some(slot_float);
    }
    if has("__get__")? {
        s.descr_get = Some(slot_descr_get);
    }
    if has("__set__")? || has("__delete__")? {
        s.descr_set = Some(slot_descr_set);
    }
    if has("__new__")? {
        s.new = Some(slot_new);
        flags |= tpflags::PY_NEW;
    }
    if has("__init__")? {
        s.init = Some(slot_init);
        flags |= tpflags::PY_INIT;
    }
    if has("__del__")? {
        flags |= tpflags::FINALIZE;
    }
    // SAFETY: heap type; callers hold no reference to these fields.
    unsafe {
        let tp = t as *const TypeObj as *mut TypeObj;
        (*tp).slots = s;
        (*tp).flags = flags;
    }
    Ok(())
}

use crate::vm::abs::call_dunder;

/// `call_dunder`, except that a dunder set to None in the class
/// (`__eq__ = None`, `__iadd__ = None`) blocks the operation, as in CPython
/// where the slot then calls None.
fn call_dunder_blk(vm: &Vm, o: Obj, name: &'static str, args: &[Obj]) -> PyResult<Option<Obj>> {
    if lookup_static(vm, o.ty(), name)?.is_some_and(|f| f.is_none()) {
        return Err(vm.type_error("'NoneType' object is not callable"));
    }
    call_dunder(vm, o, name, args)
}

fn need(vm: &Vm, o: Obj, name: &'static str) -> PyResult<Obj> {
    call_dunder_blk(vm, o, name, &[])?.ok_or_else(|| {
        vm.type_error(&format!(
            "'{}' object has no method {}",
            o.ty().name(),
            name
        ))
    })
}

fn slot_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let r = need(vm, o, "__repr__")?;
    if pystr::as_str(r).is_none() {
        return Err(vm.type_error(&format!(
            "__repr__ returned non-string (type {})",
            r.ty().name()
        )));
    }
    Ok(r)
}
fn slot_str(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let r = need(vm, o, "__str__")?;
    if pystr::as_str(r).is_none() {
        return Err(vm.type_error(&format!(
            "__str__ returned non-string (type {})",
            r.ty().name()
        )));
    }
    Ok(r)
}
fn slot_hash(vm: &Vm, o: Obj) -> PyResult<isize> {
    let f = lookup_static(vm, o.ty(), "__hash__")?;
    match f {
        Some(f) if !f.is_none() => {
            let r = crate::vm::call::call(vm, f, &[o])?;
            // CPython's slot_tp_hash: an int that fits is the hash itself
            // (-1 becomes -2); a larger one is hashed.
            if super::int::is_int(r) {
                if let Some(h) = super::int::to_i64(r).and_then(|h| isize::try_from(h).ok()) {
                    return Ok(if h == -1 { -2 } else { h });
                }
            }
            let h = super::int::hash_of_int(vm, r)
                .map_err(|_| vm.type_error("__hash__ method should return an integer"))?;
            Ok(h)
        }
        _ => Err(vm.type_error(&format!("unhashable type: '{}'", o.ty().name()))),
    }
}
fn slot_richcmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    match call_dunder_blk(vm, a, op.dunder(), &[b])? {
        Some(r) => Ok(r),
        None => {
            if op == CmpOp::Ne {
                // Default __ne__ inverts __eq__.
                if let Some(r) = call_dunder_blk(vm, a, "__eq__", &[b])? {
                    if r.is(super::not_implemented()) {
                        return Ok(r);
                    }
                    return Ok(super::py_bool(!crate::vm::abs::truthy(vm, r)?));
                }
            }
            (solid_base(a.ty()).slots.richcmp.unwrap_or(object_richcmp))(vm, a, b, op)
        }
    }
}
fn slot_getattr(vm: &Vm, o: Obj, name: Obj) -> PyResult<Option<Obj>> {
    let t = o.ty();
    let ga = lookup_static(vm, t, "__getattribute__")?;
    let r = match ga {
        Some(f) if !is_object_getattribute(f) => match crate::vm::call::call(vm, f, &[o, name]) {
            Ok(v) => Some(v),
            Err(e) => {
                if vm.exc_matches(&exc::ATTRIBUTE_ERROR) {
                    if lookup_static(vm, t, "__getattr__")?.is_some() {
                        vm.take_exc();
                        None
                    } else {
                        return Err(e);
                    }
                } else {
                    return Err(e);
                }
            }
        },
        _ => (solid_base(t).slots.getattr.unwrap_or(generic_getattr))(vm, o, name)?,
    };
    if r.is_some() {
        return Ok(r);
    }
    match lookup_static(vm, t, "__getattr__")? {
        Some(f) => crate::vm::call::call(vm, f, &[o, name]).map(Some),
        None => Ok(None),
    }
}
fn is_object_getattribute(f: Obj) -> bool {
    // Identity of the static function object (function addresses are not
    // reliable under LTO).
    match super::attr::find(&OBJECT_ATTRS, "__getattribute__") {
        Some(o) => o.is(f),
        None => false,
    }
}
fn slot_setattr(vm: &Vm, o: Obj, name: Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        Some(v) => {
            need_call(vm, o, "__setattr__", &[name, v])?;
        }
        None => {
            need_call(vm, o, "__delattr__", &[name])?;
        }
    }
    Ok(())
}
fn need_call(vm: &Vm, o: Obj, name: &'static str, args: &[Obj]) -> PyResult<Obj> {
    call_dunder(vm, o, name, args)?
        .ok_or_else(|| vm.attribute_error(o, vm.intern(name).unwrap_or(o)))
}
fn slot_call(vm: &Vm, o: Obj, args: &Args) -> PyResult<Obj> {
    let f = lookup_static(vm, o.ty(), "__call__")?
        .ok_or_else(|| vm.type_error(&format!("'{}' object is not callable", o.ty().name())))?;
    crate::vm::call::call_with_self(vm, f, o, args)
}
fn slot_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let f = lookup_static(vm, o.ty(), "__iter__")?;
    match f {
        Some(f) if !f.is_none() => {
            let it = crate::vm::call::call(vm, f, &[o])?;
            if it.ty().slots.iternext.is_none() {
                return Err(vm.type_error(&format!(
                    "iter() returned non-iterator of type '{}'",
                    it.ty().name()
                )));
            }
            Ok(it)
        }
        _ => Err(vm.type_error(&format!("'{}' object is not iterable", o.ty().name()))),
    }
}
fn slot_iternext(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    match need(vm, o, "__next__") {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            if vm.exc_matches(&exc::STOP_ITERATION) && !exc::stop_has_value(vm) {
                vm.take_exc();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}
fn slot_len(vm: &Vm, o: Obj) -> PyResult<usize> {
    let r = need(vm, o, "__len__")?;
    let n = crate::vm::abs::index(vm, r).map_err(|_| {
        vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            r.ty().name()
        ))
    })?;
    match super::int::to_i64(n) {
        Some(v) if v >= 0 => Ok(v as usize),
        Some(_) => Err(vm.value_error("__len__() should return >= 0")),
        None => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}
fn slot_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    need_call(vm, o, "__getitem__", &[k])
}
fn slot_setitem(vm: &Vm, o: Obj, k: Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        Some(v) => need_call(vm, o, "__setitem__", &[k, v])?,
        None => need_call(vm, o, "__delitem__", &[k])?,
    };
    Ok(())
}
fn slot_contains(vm: &Vm, o: Obj, k: Obj) -> PyResult<bool> {
    if lookup_static(vm, o.ty(), "__contains__")?.is_some_and(|f| f.is_none()) {
        return Err(vm.type_error(&format!("'{}' object is not a container", o.ty().name())));
    }
    let r = need_call(vm, o, "__contains__", &[k])?;
    crate::vm::abs::truthy(vm, r)
}
fn slot_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, inplace: bool) -> PyResult<Obj> {
    let ni = super::not_implemented();
    // Called for the type of `a` or of `b`; try whichever sides are ours.
    let ta = a.ty();
    let tb = b.ty();
    let a_ours = ta.flags & tpflags::PY_NUM != 0;
    let b_ours = tb.flags & tpflags::PY_NUM != 0;
    if inplace && a_ours {
        if let Some(r) = call_dunder_blk(vm, a, op.idunder(), &[b])? {
            if !r.is(ni) {
                return Ok(r);
            }
        }
    }
    // Subclass with an overriding reflected method goes first.
    let b_first = b_ours && !ta.is(tb) && tb.is_subtype(ta);
    if b_first {
        if let Some(r) = call_dunder_blk(vm, b, op.rdunder(), &[a])? {
            if !r.is(ni) {
                return Ok(r);
            }
        }
    }
    if a_ours {
        if let Some(r) = call_dunder_blk(vm, a, op.dunder(), &[b])? {
            if !r.is(ni) {
                return Ok(r);
            }
        }
    } else if let Some(f) = solid_base(ta)
        .slots
        .num
        // A list or tuple on the left has had its slot tried (it is the
        // one asking for our reflected method): calling it again would
        // ask us again, without end.
        .filter(|_| !matches!(ta.layout, super::Layout::List | super::Layout::Tuple))
    {
        let r = f(vm, op, a, b, false)?;
        if !r.is(ni) {
            return Ok(r);
        }
    }
    if b_ours && !b_first && !ta.is(tb) {
        if let Some(r) = call_dunder_blk(vm, b, op.rdunder(), &[a])? {
            if !r.is(ni) {
                return Ok(r);
            }
        }
    } else if !b_ours {
        if let Some(f) = solid_base(tb).slots.num {
            let r = f(vm, op, a, b, false)?;
            if !r.is(ni) {
                return Ok(r);
            }
        }
    }
    if a_ours && solid_base(ta).slots.num.is_some() {
        if let Some(f) = solid_base(ta).slots.num {
            return f(vm, op, a, b, inplace);
        }
    }
    Ok(ni)
}
fn slot_unary(vm: &Vm, op: UnOp, o: Obj) -> PyResult<Obj> {
    match call_dunder(vm, o, op.dunder(), &[])? {
        Some(r) => Ok(r),
        None => match solid_base(o.ty()).slots.unary {
            Some(f) => f(vm, op, o),
            None => Err(vm.type_error(&format!(
                "bad operand type for unary {}: '{}'",
                op.symbol(),
                o.ty().name()
            ))),
        },
    }
}
fn slot_bool(vm: &Vm, o: Obj) -> PyResult<bool> {
    // `__bool__ = None` blocks truth testing (even with a `__len__`).
    if lookup_static(vm, o.ty(), "__bool__")?.is_some_and(|f| f.is_none()) {
        return Err(vm.type_error("'NoneType' object is not callable"));
    }
    if let Some(r) = call_dunder(vm, o, "__bool__", &[])? {
        if let Some(b) = super::int::as_bool(r) {
            return Ok(b);
        }
        return Err(vm.type_error(&format!(
            "__bool__ should return bool, returned {}",
            r.ty().name()
        )));
    }
    if lookup_static(vm, o.ty(), "__len__")?.is_some() {
        return Ok(slot_len(vm, o)? != 0);
    }
    match solid_base(o.ty()).slots.bool {
        Some(f) => f(vm, o),
        None => Ok(true),
    }
}
fn slot_index(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let r = need(vm, o, "__index__")?;
    if !super::int::is_int(r) {
        return Err(vm.type_error(&format!(
            "__index__ returned non-int (type {})",
            r.ty().name()
        )));
    }
    Ok(r)
}
fn slot_int(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let r = need(vm, o, "__int__")?;
    if !super::int::is_int(r) {
        return Err(vm.type_error(&format!(
            "__int__ returned non-int (type {})",
            r.ty().name()
        )));
    }
    Ok(r)
}
fn slot_float(vm: &Vm, o: Obj) -> PyResult<Obj> {
    need(vm, o, "__float__")
}
fn slot_descr_get(vm: &Vm, d: Obj, inst: Option<Obj>, owner: Obj) -> PyResult<Obj> {
    need_call(vm, d, "__get__", &[inst.unwrap_or(none()), owner])
}
fn slot_descr_set(vm: &Vm, d: Obj, inst: Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        Some(v) => need_call(vm, d, "__set__", &[inst, v])?,
        None => need_call(vm, d, "__delete__", &[inst])?,
    };
    Ok(())
}
fn slot_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    let f = lookup_static(vm, t, "__new__")?.ok_or_else(|| vm.type_error("no __new__"))?;
    // __new__ is a staticmethod: unwrap it and pass the class first.
    let f = match f.downcast::<func::StaticMethodObj>() {
        Some(s) => s.func,
        None => f,
    };
    crate::vm::call::call_with_self(vm, f, t.as_obj(), args)
}
fn slot_init(vm: &Vm, o: Obj, args: &Args) -> PyResult<()> {
    let f = lookup_static(vm, o.ty(), "__init__")?.ok_or_else(|| vm.type_error("no __init__"))?;
    let r = crate::vm::call::call_with_self(vm, f, o, args)?;
    if !r.is_none() {
        return Err(vm.type_error(&format!(
            "__init__() should return None, not '{}'",
            r.ty().name()
        )));
    }
    Ok(())
}

/// Run the finaliser of an object the collector found unreachable.
pub fn finalise(vm: &Vm, o: Obj) -> PyResult<()> {
    if o.layout() == Layout::MemoryView {
        super::memoryview::finalise(vm, o);
        return Ok(());
    }
    if let Some(f) = lookup_static(vm, o.ty(), "__del__")? {
        crate::vm::call::call(vm, f, &[o])?;
    }
    Ok(())
}

/// `isinstance(o, t)` for a single type, honouring `__class__` overrides.
pub fn is_instance(o: Obj, t: &'static TypeObj) -> bool {
    o.ty().is_subtype(t)
}

// ---------------------------------------------------------------- __slots__

/// `__spam` inside class `Cls` becomes `_Cls__spam`.
fn mangle_private(vm: &Vm, cls: &str, n: Obj) -> PyResult<Obj> {
    let s = pystr::as_str(n).unwrap_or("");
    if s.starts_with("__") && !s.ends_with("__") {
        let c = cls.trim_start_matches('_');
        if !c.is_empty() {
            return vm.intern(&format!("_{}{}", c, s));
        }
    }
    vm.intern_obj(n)
}

/// A `__slots__` entry: reads and writes one word of the instance.
#[repr(C)]
pub struct MemberObj {
    pub head: ObjHead,
    pub name: Obj,
    pub offset: usize,
    /// Name of the class that declared the slot.
    pub owner: Obj,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for MemberObj {
    const LAYOUT: Layout = Layout::Member;
}

fn new_member(vm: &Vm, name: Obj, offset: usize, owner: Obj) -> PyResult<Obj> {
    vm.alloc_obj(MemberObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &MEMBER_TYPE,
        },
        name,
        offset,
        owner,
    })
}

fn member_slot(vm: &Vm, d: Obj, inst: Obj) -> PyResult<&'static Cell<Option<Obj>>> {
    // SAFETY: installed on MEMBER_TYPE objects only.
    let m = unsafe { &*(d.as_ptr() as *const MemberObj) };
    if inst.is_small() || inst.ty().basicsize < m.offset + WORD {
        return Err(vm.type_error(&format!(
            "descriptor '{}' for objects doesn't apply to a '{}' object",
            pystr::as_str(m.name).unwrap_or("?"),
            inst.ty().name()
        )));
    }
    // SAFETY: the instance's type reserves a word at this offset (checked
    // against its basicsize above).
    Ok(unsafe { &*((inst.raw() + m.offset) as *const Cell<Option<Obj>>) })
}

fn member_get(vm: &Vm, d: Obj, inst: Option<Obj>, _owner: Obj) -> PyResult<Obj> {
    let Some(i) = inst else { return Ok(d) };
    match member_slot(vm, d, i)?.get() {
        Some(v) => Ok(v),
        None => {
            // SAFETY: MEMBER_TYPE object.
            let m = unsafe { &*(d.as_ptr() as *const MemberObj) };
            Err(vm.new_error(
                &exc::ATTRIBUTE_ERROR,
                &format!(
                    "'{}' object has no attribute '{}'",
                    i.ty().name(),
                    pystr::as_str(m.name).unwrap_or("?")
                ),
            ))
        }
    }
}

fn member_set(vm: &Vm, d: Obj, inst: Obj, v: Option<Obj>) -> PyResult<()> {
    let slot = member_slot(vm, d, inst)?;
    if v.is_none() && slot.get().is_none() {
        // SAFETY: MEMBER_TYPE object.
        let m = unsafe { &*(d.as_ptr() as *const MemberObj) };
        return Err(vm.new_error(&exc::ATTRIBUTE_ERROR, pystr::as_str(m.name).unwrap_or("?")));
    }
    slot.set(v);
    Ok(())
}

fn member_repr(vm: &Vm, d: Obj) -> PyResult<Obj> {
    // SAFETY: MEMBER_TYPE object.
    let m = unsafe { &*(d.as_ptr() as *const MemberObj) };
    vm.new_string(format!(
        "<member '{}' of '{}' objects>",
        pystr::as_str(m.name).unwrap_or("?"),
        pystr::as_str(m.owner).unwrap_or("?")
    ))
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static MEMBER_TYPE: TypeObj = TypeObj::builtin(
    "member_descriptor",
    Layout::Member,
    Some(&OBJECT_TYPE),
    Slots {
        descr_get: Some(member_get),
        descr_set: Some(member_set),
        repr: Some(member_repr),
        getattr: Some(generic_getattr),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<MemberObj>(),
    0,
);
