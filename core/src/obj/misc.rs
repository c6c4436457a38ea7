//! Types of the singletons: `NoneType`, `ellipsis`, `NotImplementedType`.

use super::{Layout, Obj, Slots, TypeObj};
use crate::vm::{PyResult, Vm};

fn none_repr(vm: &Vm, _o: Obj) -> PyResult<Obj> {
    vm.new_str("None")
}
fn none_bool(_vm: &Vm, _o: Obj) -> PyResult<bool> {
    Ok(false)
}
fn none_new(vm: &Vm, _t: &'static TypeObj, args: &super::Args) -> PyResult<Obj> {
    if !args.pos.is_empty() || args.has_kw() {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(super::none())
}
fn ellipsis_repr(vm: &Vm, _o: Obj) -> PyResult<Obj> {
    vm.new_str("Ellipsis")
}
fn ellipsis_new(vm: &Vm, _t: &'static TypeObj, args: &super::Args) -> PyResult<Obj> {
    if !args.pos.is_empty() || args.has_kw() {
        return Err(vm.type_error("ellipsis takes no arguments"));
    }
    Ok(super::ellipsis())
}
fn ni_repr(vm: &Vm, _o: Obj) -> PyResult<Obj> {
    vm.new_str("NotImplemented")
}
fn ni_new(vm: &Vm, _t: &'static TypeObj, args: &super::Args) -> PyResult<Obj> {
    if !args.pos.is_empty() || args.has_kw() {
        return Err(vm.type_error("NotImplementedType takes no arguments"));
    }
    Ok(super::not_implemented())
}
fn ni_bool(vm: &Vm, _o: Obj) -> PyResult<bool> {
    // CPython 3.11 warns (DeprecationWarning) and answers True.
    let _ = vm;
    Ok(true)
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static NONE_TYPE: TypeObj = TypeObj::builtin(
    "NoneType",
    Layout::NoneType,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(none_repr),
        bool: Some(none_bool),
        new: Some(none_new),
        getattr: Some(super::typeobj::generic_getattr),
        hash: Some(super::typeobj_hash_identity),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<super::Singleton>(),
    0,
);

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static ELLIPSIS_TYPE: TypeObj = TypeObj::builtin(
    "ellipsis",
    Layout::Other,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(ellipsis_repr),
        new: Some(ellipsis_new),
        getattr: Some(super::typeobj::generic_getattr),
        hash: Some(super::typeobj_hash_identity),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<super::Singleton>(),
    0,
);

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static NOT_IMPLEMENTED_TYPE: TypeObj = TypeObj::builtin(
    "NotImplementedType",
    Layout::Other,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(ni_repr),
        new: Some(ni_new),
        bool: Some(ni_bool),
        getattr: Some(super::typeobj::generic_getattr),
        hash: Some(super::typeobj_hash_identity),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<super::Singleton>(),
    0,
);
