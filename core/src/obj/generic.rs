//! `types.GenericAlias` (`list[int]`, PEP 585) and `types.UnionType`
//! (`int | None`, PEP 604).
//!
//! Both are tuple-layout objects (like struct sequences): a generic alias
//! holds `(origin, args)`, a union holds its arguments. Because a union is
//! tuple-shaped, `isinstance`/`issubclass` accept it like a tuple of types.
//! Type-variable substitution (`dict[str, T][int]`) is not supported.

use super::tuple::{self, TupleObj};
use super::typeobj::{self, OBJECT_TYPE};
use super::{misc, none, not_implemented, py_bool, str as pystr, Args, BinOp, CmpOp, Layout, Obj};
use super::{Slots, TypeObj};
use crate::vm::{abs, call, PyResult, Vm};
use alloc::string::String;
use alloc::vec::Vec;

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static GENERIC_ALIAS_TYPE: TypeObj = TypeObj::builtin(
    "types.GenericAlias",
    Layout::Tuple,
    Some(&OBJECT_TYPE),
    Slots {
        repr: Some(ga_repr),
        hash: Some(ga_hash),
        richcmp: Some(ga_richcmp),
        getattr: Some(ga_getattr),
        call: Some(ga_call),
        num: Some(union_or),
        ..Slots::EMPTY
    },
    &GA_ATTRS,
    core::mem::size_of::<TupleObj>(),
    0,
);

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static UNION_TYPE: TypeObj = TypeObj::builtin(
    "types.UnionType",
    Layout::Tuple,
    Some(&OBJECT_TYPE),
    Slots {
        repr: Some(union_repr),
        hash: Some(union_hash),
        richcmp: Some(union_richcmp),
        getattr: Some(union_getattr),
        num: Some(union_or),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<TupleObj>(),
    0,
);

pub fn is_generic_alias(o: Obj) -> bool {
    o.ty().is(&GENERIC_ALIAS_TYPE)
}

pub fn is_union(o: Obj) -> bool {
    o.ty().is(&UNION_TYPE)
}

/// Builtin classes whose `cls[...]` makes a generic alias.
pub fn builtin_generic(t: &'static TypeObj) -> bool {
    t.is(&super::list::LIST_TYPE)
        || t.is(&super::dict::DICT_TYPE)
        || t.is(&super::tuple::TUPLE_TYPE)
        || t.is(&super::set::SET_TYPE)
        || t.is(&super::set::FROZENSET_TYPE)
        || t.is(&typeobj::TYPE_TYPE)
        || t.is(&super::iter::ENUMERATE_TYPE)
        || t.is(&super::exc::BASE_EXCEPTION_GROUP)
}

/// `origin[args]`.
pub fn new_alias(vm: &Vm, origin: Obj, args: Obj) -> PyResult<Obj> {
    let args = if args.ty().is(&tuple::TUPLE_TYPE) {
        args
    } else {
        tuple::new(vm, &[args])?
    };
    tuple::new_typed(vm, &GENERIC_ALIAS_TYPE, &[origin, args])
}

fn parts(o: Obj) -> (Obj, Obj) {
    let it = tuple::tuple_items(o);
    (
        it.first().copied().unwrap_or(none()),
        it.get(1).copied().unwrap_or(none()),
    )
}

/// `module.qualname` of a class (just `qualname` for builtins).
fn type_text(vm: &Vm, p: Obj, out: &mut String) -> PyResult<bool> {
    let q = abs::getattr_opt_str(vm, p, "__qualname__")?;
    let m = abs::getattr_opt_str(vm, p, "__module__")?;
    match (q, m) {
        (Some(q), Some(m)) if pystr::is_str(q) => {
            let ms = pystr::as_str(m).unwrap_or("");
            if !m.is_none() && ms != "builtins" {
                out.push_str(&abs::str_string(vm, m)?);
                out.push('.');
            }
            out.push_str(pystr::as_str(q).unwrap_or(""));
            Ok(true)
        }
        _ => Ok(false),
    }
}

fn repr_item(vm: &Vm, p: Obj, out: &mut String) -> PyResult<()> {
    if p.ty().is(&misc::ELLIPSIS_TYPE) {
        out.push_str("...");
        return Ok(());
    }
    if is_generic_alias(p) || is_union(p) {
        out.push_str(&abs::repr_string(vm, p)?);
        return Ok(());
    }
    if p.as_type().is_some() && type_text(vm, p, out)? {
        return Ok(());
    }
    out.push_str(&abs::repr_string(vm, p)?);
    Ok(())
}

fn ga_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    vm.check_stack()?;
    let (origin, args) = parts(o);
    let mut s = String::new();
    repr_item(vm, origin, &mut s)?;
    s.push('[');
    let items = tuple::tuple_items(args);
    if items.is_empty() {
        s.push_str("()");
    }
    for (i, a) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        repr_item(vm, *a, &mut s)?;
    }
    s.push(']');
    vm.new_string(s)
}

fn ga_hash(vm: &Vm, o: Obj) -> PyResult<isize> {
    let (origin, args) = parts(o);
    Ok(abs::hash(vm, origin)? ^ abs::hash(vm, args)?)
}

fn ga_richcmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_generic_alias(b) || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(not_implemented());
    }
    let (o1, a1) = parts(a);
    let (o2, a2) = parts(b);
    let eq = abs::eq(vm, o1, o2)? && abs::eq(vm, a1, a2)?;
    Ok(py_bool(eq == (op == CmpOp::Eq)))
}

/// Attributes of the alias itself; anything else comes from the origin.
const GA_OWN: [&str; 11] = [
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn ga_getattr(vm: &Vm, o: Obj, name: Obj) -> PyResult<Option<Obj>> {
    let n = pystr::as_str(name).unwrap_or("");
    let (origin, args) = parts(o);
    match n {
        "__origin__" => return Ok(Some(origin)),
        "__args__" => return Ok(Some(args)),
        "__parameters__" => return Ok(Some(tuple::new(vm, &[])?)),
        "__unpacked__" => return Ok(Some(py_bool(false))),
        "__class__" => return Ok(Some(GENERIC_ALIAS_TYPE.as_obj())),
        _ => {}
    }
    if GA_OWN.contains(&n) {
        return typeobj::generic_getattr(vm, o, name);
    }
    abs::getattr_opt(vm, origin, name)
}

static GA_ATTRS: [super::attr::AttrEntry; 1] = [crate::method!("__mro_entries__", ga_mro_entries)];

fn ga_mro_entries(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__mro_entries__", 2, 2)?;
    tuple::new(vm, &[parts(args.pos[0]).0])
}

fn ga_call(vm: &Vm, o: Obj, args: &Args) -> PyResult<Obj> {
    let (origin, _) = parts(o);
    let r = call::call_args(vm, origin, args)?;
    if let Ok(n) = vm.intern("__orig_class__") {
        if abs::setattr(vm, r, n, Some(o)).is_err() {
            vm.take_exc();
        }
    }
    Ok(r)
}

// ----------------------------------------------------------------- unions

fn unionable(o: Obj) -> bool {
    o.is_none() || o.as_type().is_some() || is_generic_alias(o) || is_union(o)
}

/// `a | b` for types, None, generic aliases and unions.
fn union_or(vm: &Vm, op: BinOp, a: Obj, b: Obj, _inplace: bool) -> PyResult<Obj> {
    if op != BinOp::Or || !unionable(a) || !unionable(b) {
        return Ok(not_implemented());
    }
    make_union(vm, a, b)
}

/// The union of `a` and `b` (flattened, duplicates removed; one member is
/// returned as is).
pub fn make_union(vm: &Vm, a: Obj, b: Obj) -> PyResult<Obj> {
    let mut args: Vec<Obj> = Vec::new();
    for x in [a, b] {
        let items: Vec<Obj> = if is_union(x) {
            tuple::tuple_items(x).to_vec()
        } else if x.is_none() {
            alloc::vec![misc::NONE_TYPE.as_obj()]
        } else {
            alloc::vec![x]
        };
        for i in items {
            let mut dup = false;
            for y in &args {
                if y.is(i) || ((is_generic_alias(i) && is_generic_alias(*y)) && abs::eq(vm, *y, i)?)
                {
                    dup = true;
                    break;
                }
            }
            if !dup {
                args.push(i);
            }
        }
    }
    if args.len() == 1 {
        return Ok(args[0]);
    }
    tuple::new_typed(vm, &UNION_TYPE, &args)
}

fn union_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    vm.check_stack()?;
    let mut s = String::new();
    for (i, a) in tuple::tuple_items(o).iter().enumerate() {
        if i > 0 {
            s.push_str(" | ");
        }
        if a.is(misc::NONE_TYPE.as_obj()) {
            s.push_str("None");
        } else {
            repr_item(vm, *a, &mut s)?;
        }
    }
    vm.new_string(s)
}

fn union_hash(vm: &Vm, o: Obj) -> PyResult<isize> {
    let mut h: isize = 0x3456;
    for a in tuple::tuple_items(o) {
        h ^= abs::hash(vm, *a)?;
    }
    Ok(h)
}

fn union_richcmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_union(b) || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(not_implemented());
    }
    let (x, y) = (tuple::tuple_items(a), tuple::tuple_items(b));
    let mut eq = true;
    for (p, q) in [(x, y), (y, x)] {
        for i in p {
            let mut found = false;
            for j in q {
                if i.is(*j) || abs::eq(vm, *i, *j)? {
                    found = true;
                    break;
                }
            }
            eq &= found;
        }
    }
    Ok(py_bool(eq == (op == CmpOp::Eq)))
}

fn union_getattr(vm: &Vm, o: Obj, name: Obj) -> PyResult<Option<Obj>> {
    match pystr::as_str(name).unwrap_or("") {
        "__args__" => Ok(Some(tuple::new(vm, tuple::tuple_items(o))?)),
        "__parameters__" => Ok(Some(tuple::new(vm, &[])?)),
        "__class__" => Ok(Some(UNION_TYPE.as_obj())),
        _ => typeobj::generic_getattr(vm, o, name),
    }
}
