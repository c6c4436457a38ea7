//! `mappingproxy` (`types.MappingProxyType`): a live, read-only view of a
//! mapping. A class's `__dict__` is one over the class's namespace dict, as
//! in CPython, so `C.__dict__['x'] = 1` raises TypeError while reads see
//! later `setattr(C, ...)` changes.
#![allow(unsafe_code)]

use super::attr::AttrEntry;
use super::seqmethods as sm;
use super::{Args, BinOp, CmpOp, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj};
use crate::vm::{abs, call, PyResult, Vm};
use crate::{classmethod, method};
use alloc::format;

#[repr(C)]
pub struct MappingProxyObj {
    pub head: ObjHead,
    /// The mapping read through (a dict for class namespaces).
    pub mapping: Obj,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for MappingProxyObj {
    const LAYOUT: Layout = Layout::Other;
}

/// A proxy over `mapping` (no check: callers pass a mapping).
pub fn new(vm: &Vm, mapping: Obj) -> PyResult<Obj> {
    vm.alloc_obj(MappingProxyObj {
        head: ObjHead {
            refcnt: super::RefCnt::new(0),
            ty: &MAPPINGPROXY_TYPE,
        },
        mapping,
    })
}

/// The mapping behind a proxy (`None` for anything else).
pub fn mapping_of(o: Obj) -> Option<Obj> {
    if o.is_small() || !o.ty().is(&MAPPINGPROXY_TYPE) {
        return None;
    }
    // SAFETY: the type is checked, hence the payload.
    Some(unsafe { o.cast::<MappingProxyObj>() }.mapping)
}

fn target(vm: &Vm, o: Obj) -> PyResult<Obj> {
    mapping_of(o).ok_or_else(|| vm.type_error("descriptor requires a 'mappingproxy' object"))
}

/// `mappingproxy(mapping)`: refuses sequences and non-subscriptables, as
/// CPython's `PyMapping_Check` plus its list/tuple exclusion.
fn mp_new(vm: &Vm, _t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    let [m] = args.bind(vm, "mappingproxy", ["mapping"], 1)?;
    let m = m.unwrap_or(super::none());
    let t = m.ty();
    let is_seq = matches!(m.layout(), Layout::List | Layout::Tuple);
    let subscriptable = !m.is_small() && t.slots.getitem.is_some()
        || super::typeobj::lookup_static(vm, t, "__getitem__")?.is_some();
    if is_seq || !subscriptable {
        return Err(vm.type_error(&format!(
            "mappingproxy() argument must be a mapping, not {}",
            t.name()
        )));
    }
    new(vm, m)
}

fn mp_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    abs::getitem(vm, target(vm, o)?, k)
}
fn mp_len(vm: &Vm, o: Obj) -> PyResult<usize> {
    abs::len(vm, target(vm, o)?)
}
fn mp_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    abs::iter(vm, target(vm, o)?)
}
fn mp_contains(vm: &Vm, o: Obj, k: Obj) -> PyResult<bool> {
    abs::contains(vm, target(vm, o)?, k)
}
fn mp_richcmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    abs::rich_compare(vm, target(vm, a)?, b, op)
}
fn mp_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let r = abs::repr_string(vm, target(vm, o)?)?;
    vm.new_string(format!("mappingproxy({})", r))
}
fn mp_str(vm: &Vm, o: Obj) -> PyResult<Obj> {
    abs::str(vm, target(vm, o)?)
}
fn mp_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, inplace: bool) -> PyResult<Obj> {
    if op != BinOp::Or {
        return Ok(super::not_implemented());
    }
    if inplace && mapping_of(a).is_some() {
        return Err(vm.type_error("'|=' is not supported by mappingproxy; use '|' instead"));
    }
    let a = mapping_of(a).unwrap_or(a);
    let b = mapping_of(b).unwrap_or(b);
    abs::binary_op(vm, BinOp::Or, a, b, false)
}
fn mp_hash(vm: &Vm, _o: Obj) -> PyResult<isize> {
    Err(vm.type_error("unhashable type: 'mappingproxy'"))
}

/// Call method `name` of the proxied mapping with the arguments after self.
fn forward(vm: &Vm, args: &Args, name: &str) -> PyResult<Obj> {
    let m = target(vm, args.pos[0])?;
    let f = abs::getattr_str(vm, m, name)?;
    call::call(vm, f, &args.pos[1..])
}
fn m_get(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error("get() takes no keyword arguments"));
    }
    if !(2..=3).contains(&args.pos.len()) {
        return Err(vm.type_error(&format!(
            "get expected {} argument{}, got {}",
            if args.pos.len() < 2 {
                "at least 1"
            } else {
                "at most 2"
            },
            if args.pos.len() < 2 { "" } else { "s" },
            args.pos.len() - 1
        )));
    }
    forward(vm, args, "get")
}
fn m_keys(vm: &Vm, args: &Args) -> PyResult<Obj> {
    super::seqmethods::noargs(vm, args, "mappingproxy.keys")?;
    forward(vm, args, "keys")
}
fn m_values(vm: &Vm, args: &Args) -> PyResult<Obj> {
    super::seqmethods::noargs(vm, args, "mappingproxy.values")?;
    forward(vm, args, "values")
}
fn m_items(vm: &Vm, args: &Args) -> PyResult<Obj> {
    super::seqmethods::noargs(vm, args, "mappingproxy.items")?;
    forward(vm, args, "items")
}
fn m_copy(vm: &Vm, args: &Args) -> PyResult<Obj> {
    super::seqmethods::noargs(vm, args, "mappingproxy.copy")?;
    forward(vm, args, "copy")
}
fn m_reversed(vm: &Vm, args: &Args) -> PyResult<Obj> {
    super::seqmethods::noargs(vm, args, "mappingproxy.__reversed__")?;
    let m = target(vm, args.pos[0])?;
    super::iter::reversed(vm, m)
}

fn m_or(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let b = super::seqmethods::onearg(vm, args, "__or__")?;
    mp_num(vm, BinOp::Or, args.pos[0], b, false)
}
fn m_ror(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let b = super::seqmethods::onearg(vm, args, "__ror__")?;
    mp_num(vm, BinOp::Or, b, args.pos[0], false)
}
fn m_ior(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let b = super::seqmethods::onearg(vm, args, "__ior__")?;
    mp_num(vm, BinOp::Or, args.pos[0], b, true)
}

static MAPPINGPROXY_ATTRS: [AttrEntry; 15] = [
    method!("__getitem__", sm::w_getitem),
    method!("__len__", sm::w_len),
    method!("__iter__", sm::w_iter),
    method!("__contains__", sm::w_contains),
    method!("__repr__", sm::w_repr),
    method!("__or__", m_or),
    method!("__ror__", m_ror),
    method!("__ior__", m_ior),
    method!("get", m_get),
    method!("keys", m_keys),
    method!("values", m_values),
    method!("items", m_items),
    method!("copy", m_copy),
    method!("__reversed__", m_reversed),
    classmethod!("__class_getitem__", super::seqmethods::w_class_getitem),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static MAPPINGPROXY_TYPE: TypeObj = TypeObj::builtin(
    "mappingproxy",
    Layout::Other,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        new: Some(mp_new),
        repr: Some(mp_repr),
        str: Some(mp_str),
        hash: Some(mp_hash),
        richcmp: Some(mp_richcmp),
        getitem: Some(mp_getitem),
        len: Some(mp_len),
        iter: Some(mp_iter),
        contains: Some(mp_contains),
        num: Some(mp_num),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &MAPPINGPROXY_ATTRS,
    core::mem::size_of::<MappingProxyObj>(),
    0,
);
