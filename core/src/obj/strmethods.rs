//! Methods and slots of `str`.

use super::attr::AttrEntry;
use super::str::{as_str, char_len, hash, STR_TYPE};
use super::{not_implemented, py_bool, Args, BinOp, CmpOp, Obj, Slots, TypeObj};
use crate::method;
use crate::vm::{abs, PyResult, Vm};
use alloc::string::String;

fn s(o: Obj) -> &'static str {
    as_str(o).unwrap_or("")
}

fn str_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    vm.new_string(crate::text::str_repr(s(o)))
}
fn str_str(vm: &Vm, o: Obj) -> PyResult<Obj> {
    if o.ty().is(&STR_TYPE) {
        Ok(o)
    } else {
        vm.new_str(s(o))
    }
}
fn str_hash(_vm: &Vm, o: Obj) -> PyResult<isize> {
    Ok(hash(o))
}
fn str_cmp(_vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    match (as_str(a), as_str(b)) {
        (Some(x), Some(y)) => Ok(py_bool(op.test(x.cmp(y)))),
        _ => Ok(not_implemented()),
    }
}
fn str_len(_vm: &Vm, o: Obj) -> PyResult<usize> {
    Ok(char_len(o))
}
fn str_contains(vm: &Vm, o: Obj, k: Obj) -> PyResult<bool> {
    match as_str(k) {
        Some(x) => Ok(s(o).contains(x)),
        None => Err(vm.type_error(&alloc::format!(
            "'in <string>' requires string as left operand, not {}",
            k.ty().name()
        ))),
    }
}
fn str_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, _inplace: bool) -> PyResult<Obj> {
    match op {
        BinOp::Add => match (as_str(a), as_str(b)) {
            (Some(x), Some(y)) => {
                let mut r = String::with_capacity(x.len() + y.len());
                r.push_str(x);
                r.push_str(y);
                vm.new_string(r)
            }
            (Some(_), None) => Err(vm.type_error(&alloc::format!(
                "can only concatenate str (not \"{}\") to str",
                b.ty().name()
            ))),
            _ => Ok(not_implemented()),
        },
        BinOp::Mul => {
            let (text, n) = match (as_str(a), as_str(b)) {
                (Some(x), None) => (x, b),
                (None, Some(y)) => (y, a),
                _ => return Ok(not_implemented()),
            };
            if !super::int::is_int(n) {
                return Ok(not_implemented());
            }
            let k = abs::index_isize(vm, n)?.max(0) as usize;
            if text.len().saturating_mul(k) > isize::MAX as usize / 2 {
                return Err(vm.memory_error());
            }
            vm.new_string(text.repeat(k))
        }
        _ => Ok(not_implemented()),
    }
}
fn str_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    let text = s(o);
    let n = char_len(o) as isize;
    let i = abs::index_isize(vm, k)?;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("string index out of range"));
    }
    let c = text.chars().nth(j as usize).unwrap_or(' ');
    let mut b = [0u8; 4];
    vm.new_str(c.encode_utf8(&mut b))
}
fn str_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    super::iter::new_seq_iter(vm, o)
}
fn str_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    args.check(vm, "str", 0, 1)?;
    let v = match args.pos.first() {
        Some(x) => abs::str(vm, *x)?,
        None => vm.new_str("")?,
    };
    if t.is(&STR_TYPE) {
        Ok(v)
    } else {
        super::str::new_typed(vm, t, s(v))
    }
}
fn str_join(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "join", 2, 2)?;
    let sep = s(args.pos[0]);
    let mut out = String::new();
    for (i, x) in abs::to_vec(vm, args.pos[1])?.into_iter().enumerate() {
        let Some(xs) = as_str(x) else {
            return Err(vm.type_error(&alloc::format!(
                "sequence item {}: expected str instance, {} found",
                i,
                x.ty().name()
            )));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(xs);
    }
    vm.new_string(out)
}
fn str_format_spec(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__format__", 2, 2)?;
    let spec = crate::text::parse_spec(s(args.pos[1]), "str").map_err(|e| vm.value_error(&alloc::format!("{:?}", e)))?;
    let r = crate::text::format_str(s(args.pos[0]), &spec).map_err(|e| vm.value_error(&alloc::format!("{:?}", e)))?;
    vm.new_string(r)
}

pub const STR_SLOTS: Slots = Slots {
    repr: Some(str_repr),
    str: Some(str_str),
    hash: Some(str_hash),
    richcmp: Some(str_cmp),
    len: Some(str_len),
    contains: Some(str_contains),
    num: Some(str_num),
    getitem: Some(str_getitem),
    iter: Some(str_iter),
    new: Some(str_new),
    getattr: Some(super::typeobj::generic_getattr),
    ..Slots::EMPTY
};
pub static STR_ATTRS: [AttrEntry; 2] = [method!("join", str_join), method!("__format__", str_format_spec)];
