//! Methods and slots of `tuple` and `list`.

use super::attr::AttrEntry;
use super::{list, none, py_bool, str as pystr, tuple, Args, Obj, Slots};
use crate::method;
use crate::vm::{abs, PyResult, Vm};
use alloc::string::String;

fn seq_items(o: Obj) -> alloc::vec::Vec<Obj> {
    if tuple::is_tuple(o) {
        tuple::tuple_items(o).to_vec()
    } else {
        list::to_vec(o)
    }
}

fn seq_repr_common(vm: &Vm, o: Obj, open: &str, close: &str) -> PyResult<Obj> {
    let items = seq_items(o);
    let mut s = String::from(open);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&abs::repr_string(vm, *x)?);
    }
    if tuple::is_tuple(o) && items.len() == 1 {
        s.push(',');
    }
    s.push_str(close);
    vm.new_string(s)
}

fn norm_index(vm: &Vm, k: Obj, n: usize, what: &str) -> PyResult<usize> {
    let i = abs::index_isize(vm, k)?;
    let j = if i < 0 { i + n as isize } else { i };
    if j < 0 || j >= n as isize {
        return Err(vm.index_error(&alloc::format!("{} index out of range", what)));
    }
    Ok(j as usize)
}

fn tuple_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    seq_repr_common(vm, o, "(", ")")
}
fn tuple_len(_vm: &Vm, o: Obj) -> PyResult<usize> {
    Ok(tuple::tuple_items(o).len())
}
fn tuple_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    let items = tuple::tuple_items(o);
    let i = norm_index(vm, k, items.len(), "tuple")?;
    Ok(items[i])
}
fn tuple_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    super::iter::new_tuple_iter(vm, o)
}
fn seq_contains(vm: &Vm, o: Obj, k: Obj) -> PyResult<bool> {
    for x in seq_items(o) {
        if abs::eq(vm, x, k)? {
            return Ok(true);
        }
    }
    Ok(false)
}
fn seq_richcmp(vm: &Vm, a: Obj, b: Obj, op: super::CmpOp) -> PyResult<Obj> {
    let same = (tuple::is_tuple(a) && tuple::is_tuple(b)) || (list::is_list(a) && list::is_list(b));
    if !same {
        return Ok(super::not_implemented());
    }
    let x = seq_items(a);
    let y = seq_items(b);
    for (p, q) in x.iter().zip(y.iter()) {
        if !abs::eq(vm, *p, *q)? {
            return match op {
                super::CmpOp::Eq => Ok(super::false_obj()),
                super::CmpOp::Ne => Ok(super::true_obj()),
                _ => abs::rich_compare(vm, *p, *q, op),
            };
        }
    }
    Ok(py_bool(op.test(x.len().cmp(&y.len()))))
}
fn tuple_hash(vm: &Vm, o: Obj) -> PyResult<isize> {
    let mut h: u64 = 0x345678;
    for x in tuple::tuple_items(o) {
        let xh = abs::hash(vm, *x)? as u64;
        h = (h ^ xh).wrapping_mul(1_000_003);
    }
    let h = h as isize;
    Ok(if h == -1 { -2 } else { h })
}
fn tuple_count(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "count", 2, 2)?;
    let mut n = 0;
    for x in seq_items(args.pos[0]) {
        if abs::eq(vm, x, args.pos[1])? {
            n += 1;
        }
    }
    Ok(Obj::small(n))
}
fn tuple_index(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "index", 2, 4)?;
    for (i, x) in seq_items(args.pos[0]).into_iter().enumerate() {
        if abs::eq(vm, x, args.pos[1])? {
            return Ok(Obj::small(i as isize));
        }
    }
    Err(vm.value_error(if tuple::is_tuple(args.pos[0]) { "tuple.index(x): x not in tuple" } else { "list.index(x): x not in list" }))
}

pub const TUPLE_SLOTS: Slots = Slots {
    repr: Some(tuple_repr),
    len: Some(tuple_len),
    getitem: Some(tuple_getitem),
    iter: Some(tuple_iter),
    contains: Some(seq_contains),
    richcmp: Some(seq_richcmp),
    hash: Some(tuple_hash),
    getattr: Some(super::typeobj::generic_getattr),
    ..Slots::EMPTY
};
pub static TUPLE_ATTRS: [AttrEntry; 2] = [method!("count", tuple_count), method!("index", tuple_index)];

fn list_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    seq_repr_common(vm, o, "[", "]")
}
fn list_len(_vm: &Vm, o: Obj) -> PyResult<usize> {
    Ok(list::len(o))
}
fn list_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    let i = norm_index(vm, k, list::len(o), "list")?;
    Ok(list::get(o, i).unwrap_or(none()))
}
fn list_setitem(vm: &Vm, o: Obj, k: Obj, v: Option<Obj>) -> PyResult<()> {
    let i = norm_index(vm, k, list::len(o), "list assignment")?;
    match v {
        Some(v) => {
            list::set(o, i, v);
        }
        None => {
            list::remove_at(o, i);
        }
    }
    Ok(())
}
fn list_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    super::iter::new_list_iter(vm, o)
}
fn list_append(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "append", 2, 2)?;
    list::append(vm, args.pos[0], args.pos[1])?;
    Ok(none())
}
fn list_pop(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "pop", 1, 2)?;
    let l = args.pos[0];
    let n = list::len(l);
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match args.pos.get(1) {
        Some(k) => norm_index(vm, *k, n, "pop")?,
        None => n - 1,
    };
    Ok(list::remove_at(l, i).unwrap_or(none()))
}
fn list_truthy(_vm: &Vm, o: Obj) -> PyResult<bool> {
    Ok(list::len(o) != 0)
}

pub const LIST_SLOTS: Slots = Slots {
    repr: Some(list_repr),
    len: Some(list_len),
    getitem: Some(list_getitem),
    setitem: Some(list_setitem),
    iter: Some(list_iter),
    contains: Some(seq_contains),
    richcmp: Some(seq_richcmp),
    bool: Some(list_truthy),
    getattr: Some(super::typeobj::generic_getattr),
    ..Slots::EMPTY
};
pub static LIST_ATTRS: [AttrEntry; 4] = [
    method!("append", list_append),
    method!("pop", list_pop),
    method!("count", tuple_count),
    method!("index", tuple_index),
];

#[allow(dead_code)]
fn unused(_: &str) -> Option<&str> {
    pystr::as_str(none())
}
