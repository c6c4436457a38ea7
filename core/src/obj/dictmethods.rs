//! Methods and slots of `dict`.

use super::attr::AttrEntry;
use super::{dict, none, Args, Obj, Slots};
use crate::method;
use crate::vm::{abs, PyResult, Vm};
use alloc::string::String;

fn dict_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let mut s = String::from("{");
    for (i, (k, v)) in dict::items_vec(o).into_iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&abs::repr_string(vm, k)?);
        s.push_str(": ");
        s.push_str(&abs::repr_string(vm, v)?);
    }
    s.push('}');
    vm.new_string(s)
}
fn dict_len(_vm: &Vm, o: Obj) -> PyResult<usize> {
    Ok(dict::len(o))
}
fn dict_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    match dict::get(vm, o, k)? {
        Some(v) => Ok(v),
        None => Err(vm.key_error(k)),
    }
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
    let keys = dict::keys_vec(o);
    let l = super::list::new(vm, &keys)?;
    super::iter::new_list_iter(vm, l)
}
fn dict_get(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "get", 2, 3)?;
    Ok(dict::get(vm, args.pos[0], args.pos[1])?.unwrap_or(args.pos.get(2).copied().unwrap_or(none())))
}
fn dict_items(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "items", 1, 1)?;
    let mut v = alloc::vec::Vec::new();
    for (k, x) in dict::items_vec(args.pos[0]) {
        v.push(super::tuple::new(vm, &[k, x])?);
    }
    super::list::new(vm, &v)
}
fn dict_keys(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "keys", 1, 1)?;
    super::list::new(vm, &dict::keys_vec(args.pos[0]))
}
fn dict_values(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "values", 1, 1)?;
    super::list::new(vm, &dict::values_vec(args.pos[0]))
}
fn dict_new(vm: &Vm, t: &'static super::TypeObj, _args: &Args) -> PyResult<Obj> {
    dict::new_typed(vm, t)
}
fn dict_init(vm: &Vm, o: Obj, args: &Args) -> PyResult<()> {
    if let Some(src) = args.pos.first() {
        if dict::is_dict(*src) {
            dict::update(vm, o, *src)?;
        } else {
            for item in abs::to_vec(vm, *src)? {
                let kv = abs::to_vec(vm, item)?;
                if kv.len() != 2 {
                    return Err(vm.value_error("dictionary update sequence element has wrong length"));
                }
                dict::set(vm, o, kv[0], kv[1])?;
            }
        }
    }
    for (i, v) in args.kw.iter().enumerate() {
        dict::set(vm, o, args.kwname(i), *v)?;
    }
    Ok(())
}

pub const SLOTS: Slots = Slots {
    repr: Some(dict_repr),
    len: Some(dict_len),
    getitem: Some(dict_getitem),
    setitem: Some(dict_setitem),
    contains: Some(dict_contains),
    iter: Some(dict_iter),
    new: Some(dict_new),
    init: Some(dict_init),
    getattr: Some(super::typeobj::generic_getattr),
    ..Slots::EMPTY
};
pub static ATTRS: [AttrEntry; 4] =
    [method!("get", dict_get), method!("items", dict_items), method!("keys", dict_keys), method!("values", dict_values)];
