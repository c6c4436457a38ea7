//! Run-time support of the pattern-matching opcodes (`MATCH_CLASS`,
//! `MATCH_KEYS`, `MATCH_MAPPING`, `MATCH_SEQUENCE`), CPython 3.11's
//! `match_class`/`match_keys`.
//!
//! **Sequences and mappings.** CPython decides with the type flags
//! `Py_TPFLAGS_SEQUENCE`/`Py_TPFLAGS_MAPPING`, set on a few builtins and
//! inherited, and set by `collections.abc` registration. ferropy's rule: a
//! type is a *sequence* when its MRO contains `list`, `tuple`, `range`,
//! `memoryview`, a builtin type named `deque` or `array`, or a class whose
//! namespace has `__abc_tpflags__` with bit `1 << 5` (what
//! `collections.abc.Sequence` defines); a *mapping* when its MRO contains
//! `dict`, `mappingproxy`, or a class with
//! `__abc_tpflags__` bit `1 << 6` (`collections.abc.Mapping`). `str`,
//! `bytes` and `bytearray` are never sequences here; the nearest class on
//! the MRO with either bit decides. C types built from a spec with
//! `Py_TPFLAGS_SEQUENCE`/`MAPPING` get `__abc_tpflags__` too.
//! `Sequence.register(C)` is not seen.

use super::abs;
use super::call;
use super::{PyResult, Vm};
use crate::obj::typeobj::{self, mro_of};
use crate::obj::{
    bytearray, bytes, dict, float, int, list, memoryview, range, set, str as pystr, tuple, TypeObj,
};
use crate::obj::{none, Obj};
use alloc::format;
use alloc::vec::Vec;

const ABC_SEQUENCE: isize = 1 << 5;
const ABC_MAPPING: isize = 1 << 6;

fn abc_flags(vm: &Vm, t: &'static TypeObj) -> PyResult<isize> {
    if !t.is_heap() {
        return Ok(0);
    }
    Ok(match typeobj::own_attr(vm, t, "__abc_tpflags__")? {
        Some(v) => v.as_small().unwrap_or(0),
        None => 0,
    })
}

/// `MATCH_SEQUENCE`: is `o` a sequence for pattern matching?
pub fn is_sequence(vm: &Vm, o: Obj) -> PyResult<bool> {
    for c in mro_of(o.ty()) {
        if c.is(&list::LIST_TYPE)
            || c.is(&tuple::TUPLE_TYPE)
            || c.is(&range::RANGE_TYPE)
            || c.is(&memoryview::MEMORYVIEW_TYPE)
            || (!c.is_heap() && matches!(c.name().rsplit('.').next(), Some("deque" | "array")))
        {
            return Ok(true);
        }
        // `array.array` (a class the native module makes at import).
        if c.is_heap()
            && c.name() == "array"
            && typeobj::own_attr(vm, c, "__module__")?.and_then(pystr::as_str) == Some("array")
        {
            return Ok(true);
        }
        if c.is(&pystr::STR_TYPE)
            || c.is(&bytes::BYTES_TYPE)
            || c.is(&bytearray::BYTEARRAY_TYPE)
            || c.is(&dict::DICT_TYPE)
        {
            return Ok(false);
        }
        // The nearest class with a collection flag decides.
        let f = abc_flags(vm, c)?;
        if f & (ABC_SEQUENCE | ABC_MAPPING) != 0 {
            return Ok(f & ABC_SEQUENCE != 0);
        }
    }
    Ok(false)
}

/// `MATCH_MAPPING`: is `o` a mapping for pattern matching?
pub fn is_mapping(vm: &Vm, o: Obj) -> PyResult<bool> {
    for c in mro_of(o.ty()) {
        if c.is(&dict::DICT_TYPE) || c.is(&crate::obj::mappingproxy::MAPPINGPROXY_TYPE) {
            return Ok(true);
        }
        let f = abc_flags(vm, c)?;
        if f & (ABC_SEQUENCE | ABC_MAPPING) != 0 {
            return Ok(f & ABC_MAPPING != 0);
        }
    }
    Ok(false)
}

/// Builtin types whose class pattern with one positional sub-pattern
/// matches the subject itself (CPython's `_Py_TPFLAGS_MATCH_SELF`,
/// inherited by subclasses).
fn matches_self(t: &'static TypeObj) -> bool {
    mro_of(t).any(|c| {
        c.is(&int::BOOL_TYPE)
            || c.is(&bytearray::BYTEARRAY_TYPE)
            || c.is(&bytes::BYTES_TYPE)
            || c.is(&dict::DICT_TYPE)
            || c.is(&float::FLOAT_TYPE)
            || c.is(&set::FROZENSET_TYPE)
            || c.is(&int::INT_TYPE)
            || c.is(&list::LIST_TYPE)
            || c.is(&set::SET_TYPE)
            || c.is(&pystr::STR_TYPE)
            || c.is(&tuple::TUPLE_TYPE)
    })
}

/// One attribute for a class pattern; `None` when missing (no match).
fn class_attr(
    vm: &Vm,
    subject: Obj,
    t: &'static TypeObj,
    name: Obj,
    seen: &mut Vec<Obj>,
) -> PyResult<Option<Obj>> {
    let s = pystr::as_str(name).unwrap_or("");
    if seen.iter().any(|x| pystr::as_str(*x) == Some(s)) {
        return Err(vm.type_error(&format!(
            "{}() got multiple sub-patterns for attribute '{}'",
            t.name(),
            s
        )));
    }
    seen.push(name);
    abs::getattr_opt(vm, subject, name)
}

/// `MATCH_CLASS`: the tuple of extracted attributes, or `None` for no
/// match.
pub fn match_class(
    vm: &Vm,
    subject: Obj,
    cls: Obj,
    nargs: usize,
    kwnames: Obj,
) -> PyResult<Option<Obj>> {
    let Some(t) = cls.as_type() else {
        return Err(vm.type_error("called match pattern must be a type"));
    };
    if !abs::is_instance(vm, subject, cls)? {
        return Ok(None);
    }
    let mut seen: Vec<Obj> = Vec::new();
    // A list, not a Rust Vec: the collector must see the attributes.
    let attrs = list::new(vm, &[])?;
    if nargs > 0 {
        let mut match_self = false;
        let margs = match abs::getattr_opt_str(vm, cls, "__match_args__")? {
            Some(m) => {
                if !m.ty().is(&tuple::TUPLE_TYPE) {
                    return Err(vm.type_error(&format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        t.name(),
                        m.ty().name()
                    )));
                }
                tuple::tuple_items(m).to_vec()
            }
            None => {
                match_self = matches_self(t);
                Vec::new()
            }
        };
        let allowed = if match_self { 1 } else { margs.len() };
        if allowed < nargs {
            return Err(vm.type_error(&format!(
                "{}() accepts {} positional sub-pattern{} ({} given)",
                t.name(),
                allowed,
                if allowed == 1 { "" } else { "s" },
                nargs
            )));
        }
        if match_self {
            list::append(vm, attrs, subject)?;
        } else {
            for name in margs.iter().take(nargs) {
                if !name.ty().is(&pystr::STR_TYPE) {
                    return Err(vm.type_error(&format!(
                        "__match_args__ elements must be strings (got {})",
                        name.ty().name()
                    )));
                }
                match class_attr(vm, subject, t, *name, &mut seen)? {
                    Some(a) => list::append(vm, attrs, a)?,
                    None => return Ok(None),
                }
            }
        }
    }
    for name in tuple::tuple_items(kwnames) {
        match class_attr(vm, subject, t, *name, &mut seen)? {
            Some(a) => list::append(vm, attrs, a)?,
            None => return Ok(None),
        }
    }
    tuple::new(vm, &list::to_vec(attrs)).map(Some)
}

/// `MATCH_KEYS`: the tuple of values of `keys` in `map` (through
/// `map.get(key, dummy)`), or `None` when one is missing.
pub fn match_keys(vm: &Vm, map: Obj, keys: Obj) -> PyResult<Obj> {
    let ks = tuple::tuple_items(keys);
    if ks.is_empty() {
        return tuple::new(vm, &[]);
    }
    let get = abs::getattr_str(vm, map, "get")?;
    let dummy = list::new(vm, &[])?;
    let mut seen: Vec<Obj> = Vec::new();
    let values = list::new(vm, &[])?;
    for k in ks {
        abs::hash(vm, *k)?;
        for s in &seen {
            if abs::eq(vm, *s, *k)? {
                let r = abs::repr_string(vm, *k)?;
                return Err(
                    vm.value_error(&format!("mapping pattern checks duplicate key ({})", r))
                );
            }
        }
        seen.push(*k);
        let v = call::call(vm, get, &[*k, dummy])?;
        if v.is(dummy) {
            return Ok(none());
        }
        list::append(vm, values, v)?;
    }
    core::hint::black_box(dummy);
    tuple::new(vm, &list::to_vec(values))
}
