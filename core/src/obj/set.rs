//! `set` and `frozenset`.

use super::{dict, none, py_bool, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj};
use crate::vm::{abs, PyResult, Vm};
use alloc::string::String;
use core::cell::Cell;

#[repr(C)]
pub struct SetObj {
    pub head: ObjHead,
    /// Keys of this dict are the members (values are None).
    pub table: Obj,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for SetObj {
    const LAYOUT: Layout = Layout::Set;
}

fn alloc(vm: &Vm, t: &'static TypeObj, items: &[Obj]) -> PyResult<Obj> {
    let table = dict::new(vm)?;
    for x in items {
        dict::set(vm, table, *x, none())?;
    }
    vm.alloc_obj_sized(SetObj { head: ObjHead { refcnt: Cell::new(0), ty: t }, table }, t.basicsize)
}

pub fn new(vm: &Vm, items: &[Obj]) -> PyResult<Obj> {
    alloc(vm, &SET_TYPE, items)
}

pub fn new_frozen(vm: &Vm, items: &[Obj]) -> PyResult<Obj> {
    alloc(vm, &FROZENSET_TYPE, items)
}

pub fn add(vm: &Vm, s: Obj, v: Obj) -> PyResult<()> {
    let t = s.downcast::<SetObj>().ok_or_else(|| vm.type_error("set expected"))?;
    dict::set(vm, t.table, v, none())
}

fn table(o: Obj) -> Obj {
    o.downcast::<SetObj>().map(|s| s.table).unwrap_or(none())
}

fn set_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let keys = dict::keys_vec(table(o));
    let frozen = o.ty().is(&FROZENSET_TYPE);
    if keys.is_empty() {
        return vm.new_str(if frozen { "frozenset()" } else { "set()" });
    }
    let mut s = String::from(if frozen { "frozenset({" } else { "{" });
    for (i, k) in keys.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&abs::repr_string(vm, *k)?);
    }
    s.push_str(if frozen { "})" } else { "}" });
    vm.new_string(s)
}
fn set_len(_vm: &Vm, o: Obj) -> PyResult<usize> {
    Ok(dict::len(table(o)))
}
fn set_contains(vm: &Vm, o: Obj, k: Obj) -> PyResult<bool> {
    Ok(dict::get(vm, table(o), k)?.is_some())
}
fn set_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let l = super::list::new(vm, &dict::keys_vec(table(o)))?;
    super::iter::new_list_iter(vm, l)
}
fn set_new(vm: &Vm, t: &'static TypeObj, args: &super::Args) -> PyResult<Obj> {
    args.check(vm, t.name(), 0, 1)?;
    let items = match args.pos.first() {
        Some(x) => abs::to_vec(vm, *x)?,
        None => alloc::vec::Vec::new(),
    };
    alloc(vm, t, &items)
}
fn set_cmp(vm: &Vm, a: Obj, b: Obj, op: super::CmpOp) -> PyResult<Obj> {
    if b.downcast::<SetObj>().is_none() {
        return Ok(super::not_implemented());
    }
    let (ta, tb) = (table(a), table(b));
    let sub = |x: Obj, y: Obj| -> PyResult<bool> {
        for k in dict::keys_vec(x) {
            if dict::get(vm, y, k)?.is_none() {
                return Ok(false);
            }
        }
        Ok(true)
    };
    let (la, lb) = (dict::len(ta), dict::len(tb));
    let r = match op {
        super::CmpOp::Eq => la == lb && sub(ta, tb)?,
        super::CmpOp::Ne => !(la == lb && sub(ta, tb)?),
        super::CmpOp::Le => sub(ta, tb)?,
        super::CmpOp::Lt => la < lb && sub(ta, tb)?,
        super::CmpOp::Ge => sub(tb, ta)?,
        super::CmpOp::Gt => la > lb && sub(tb, ta)?,
    };
    Ok(py_bool(r))
}

const SET_SLOTS: Slots = Slots {
    repr: Some(set_repr),
    len: Some(set_len),
    contains: Some(set_contains),
    iter: Some(set_iter),
    new: Some(set_new),
    richcmp: Some(set_cmp),
    getattr: Some(super::typeobj::generic_getattr),
    ..Slots::EMPTY
};

pub static SET_TYPE: TypeObj = TypeObj::builtin(
    "set",
    Layout::Set,
    Some(&super::typeobj::OBJECT_TYPE),
    SET_SLOTS,
    &[],
    core::mem::size_of::<SetObj>(),
    super::tpflags::BASETYPE,
);
pub static FROZENSET_TYPE: TypeObj = TypeObj::builtin(
    "frozenset",
    Layout::Set,
    Some(&super::typeobj::OBJECT_TYPE),
    SET_SLOTS,
    &[],
    core::mem::size_of::<SetObj>(),
    super::tpflags::BASETYPE,
);

/// Builtin names provided by this module (set, frozenset).
pub static BUILTINS: [super::attr::AttrEntry; 2] = [crate::constant!("set", SET_TYPE), crate::constant!("frozenset", FROZENSET_TYPE)];
