//! The abstract object protocol: what `getattr()`, `repr()`, `==`, `+`,
//! `len()`, `iter()`... do for any object, dispatching through type slots
//! with CPython's fallback rules.

use super::call;
use super::{PyResult, Vm};
use crate::obj::{
    exc, int, none, not_implemented, py_bool, str as pystr, tuple, typeobj, BinOp, CmpOp, Layout,
    Obj, UnOp,
};
use alloc::format;
use alloc::vec::Vec;

// ------------------------------------------------------------ attributes

/// `getattr(o, name)`, raising AttributeError.
#[inline]
pub fn getattr(vm: &Vm, o: Obj, name: Obj) -> PyResult<Obj> {
    match getattr_raw(vm, o, name)? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(o, name)),
    }
}

#[inline]
fn getattr_raw(vm: &Vm, o: Obj, name: Obj) -> PyResult<Option<Obj>> {
    match o.ty().slots.getattr {
        Some(g) => g(vm, o, name),
        None => typeobj::generic_getattr(vm, o, name),
    }
}

/// `getattr(o, name, None)`-like: `Ok(None)` when the attribute is missing
/// (AttributeError swallowed).
pub fn getattr_opt(vm: &Vm, o: Obj, name: Obj) -> PyResult<Option<Obj>> {
    match getattr_raw(vm, o, name) {
        Ok(v) => Ok(v),
        Err(e) => {
            if vm.exc_matches(&exc::ATTRIBUTE_ERROR) {
                vm.take_exc();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

pub fn getattr_str(vm: &Vm, o: Obj, name: &str) -> PyResult<Obj> {
    let n = vm.intern(name)?;
    getattr(vm, o, n)
}

pub fn getattr_opt_str(vm: &Vm, o: Obj, name: &str) -> PyResult<Option<Obj>> {
    let n = vm.intern(name)?;
    getattr_opt(vm, o, n)
}

/// `setattr(o, name, v)`; `None` deletes.
pub fn setattr(vm: &Vm, o: Obj, name: Obj, v: Option<Obj>) -> PyResult<()> {
    match o.ty().slots.setattr {
        Some(s) => s(vm, o, name, v),
        // CPython's default for every type: data descriptors (writable
        // getsets such as `property.__doc__`) work, the rest is read-only.
        None => typeobj::generic_setattr(vm, o, name, v),
    }
}

/// Call the special method `name` of `o`'s type (looked up on the type, as
/// CPython does for dunders). `Ok(None)` when the type has no such method.
pub fn call_dunder(vm: &Vm, o: Obj, name: &'static str, args: &[Obj]) -> PyResult<Option<Obj>> {
    let Some(f) = typeobj::lookup_static(vm, o.ty(), name)? else {
        return Ok(None);
    };
    if f.is_none() {
        return Ok(None);
    }
    match f.layout() {
        Layout::Function => call::call_with_self(vm, f, o, &crate::obj::Args::new(args)).map(Some),
        Layout::Builtin => {
            let b = f.downcast::<crate::obj::attr::BuiltinFunc>();
            if matches!(b.map(|b| b.kind), Some(crate::obj::attr::FnKind::Method)) {
                call::call_with_self(vm, f, o, &crate::obj::Args::new(args)).map(Some)
            } else {
                let bound = bind(vm, f, o)?;
                call::call(vm, bound, args).map(Some)
            }
        }
        _ => {
            let bound = bind(vm, f, o)?;
            call::call(vm, bound, args).map(Some)
        }
    }
}

/// Apply the descriptor protocol to a class attribute for instance `o`.
pub fn bind(vm: &Vm, f: Obj, o: Obj) -> PyResult<Obj> {
    match f.ty().slots.descr_get {
        Some(g) => g(vm, f, Some(o), o.type_obj()),
        None => Ok(f),
    }
}

// ----------------------------------------------------------- conversions

/// `repr(o)`.
pub fn repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    vm.check_stack()?;
    match o.ty().slots.repr {
        Some(r) => r(vm, o),
        None => vm.new_string(format!("<{} object at {:#x}>", o.ty().name(), o.raw())),
    }
}

/// `str(o)`.
pub fn str(vm: &Vm, o: Obj) -> PyResult<Obj> {
    if o.ty().is(&pystr::STR_TYPE) {
        return Ok(o);
    }
    vm.check_stack()?;
    match o.ty().slots.str {
        Some(s) => s(vm, o),
        None => repr(vm, o),
    }
}

/// `str(o)` as Rust text.
pub fn str_string(vm: &Vm, o: Obj) -> PyResult<alloc::string::String> {
    let s = str(vm, o)?;
    Ok(pystr::as_str(s).unwrap_or("").into())
}

/// `repr(o)` as Rust text.
pub fn repr_string(vm: &Vm, o: Obj) -> PyResult<alloc::string::String> {
    let s = repr(vm, o)?;
    Ok(pystr::as_str(s).unwrap_or("").into())
}

/// `hash(o)`.
pub fn hash(vm: &Vm, o: Obj) -> PyResult<isize> {
    if o.is_small() {
        return Ok(int::small_hash(o.small_value()));
    }
    if let Some(s) = o.downcast::<pystr::StrObj>() {
        if o.ty().is(&pystr::STR_TYPE) {
            let h = s.hash.get();
            if h != -1 {
                return Ok(h);
            }
            return Ok(pystr::hash(o));
        }
    }
    match o.ty().slots.hash {
        Some(h) => h(vm, o),
        // Mutable containers are unhashable; every other builtin type
        // inherits object's identity hash.
        None if matches!(
            o.layout(),
            Layout::List | Layout::Dict | Layout::Set | Layout::ByteArray | Layout::Slice
        ) =>
        {
            Err(vm.type_error(&format!("unhashable type: '{}'", o.ty().name())))
        }
        None => Ok((o.raw() >> 4) as isize),
    }
}

/// `bool(o)`.
#[inline]
pub fn truthy(vm: &Vm, o: Obj) -> PyResult<bool> {
    if o.is_small() {
        return Ok(o.small_value() != 0);
    }
    if let Some(b) = int::as_bool(o) {
        return Ok(b);
    }
    if o.is_none() {
        return Ok(false);
    }
    let t = o.ty();
    if let Some(b) = t.slots.bool {
        return b(vm, o);
    }
    if let Some(l) = t.slots.len {
        return Ok(l(vm, o)? != 0);
    }
    Ok(true)
}

/// `len(o)`.
pub fn len(vm: &Vm, o: Obj) -> PyResult<usize> {
    match o.ty().slots.len {
        Some(l) => l(vm, o),
        None => Err(vm.type_error(&format!("object of type '{}' has no len()", o.ty().name()))),
    }
}

/// `operator.index(o)`: an int.
pub fn index(vm: &Vm, o: Obj) -> PyResult<Obj> {
    if int::is_int(o) {
        return Ok(o);
    }
    match o.ty().slots.index {
        Some(f) => f(vm, o),
        None => Err(vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            o.ty().name()
        ))),
    }
}

/// `o` as an `isize` index (OverflowError → IndexError style message left to
/// callers); TypeError for non-integers.
pub fn index_isize(vm: &Vm, o: Obj) -> PyResult<isize> {
    if o.is_small() {
        return Ok(o.small_value());
    }
    let i = index(vm, o)?;
    match int::to_i64(i) {
        Some(v) if v >= isize::MIN as i64 && v <= isize::MAX as i64 => Ok(v as isize),
        _ => Err(vm.new_error(
            &exc::INDEX_ERROR,
            &format!("cannot fit '{}' into an index-sized integer", o.ty().name()),
        )),
    }
}

// ------------------------------------------------------------ comparison

/// One direction of a rich comparison (no reflection).
pub fn rich_compare_one(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    match a.ty().slots.richcmp {
        Some(f) => f(vm, a, b, op),
        None => Ok(not_implemented()),
    }
}

/// `a <op> b` with CPython's reflection rules; returns the result object.
pub fn rich_compare(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    vm.check_stack()?;
    let ta = a.ty();
    let tb = b.ty();
    let ni = not_implemented();
    let mut checked_reverse = false;
    if !ta.is(tb) && tb.is_subtype(ta) && tb.slots.richcmp.is_some() {
        checked_reverse = true;
        let r = rich_compare_one(vm, b, a, op.swapped())?;
        if !r.is(ni) {
            return Ok(r);
        }
    }
    let r = rich_compare_one(vm, a, b, op)?;
    if !r.is(ni) {
        return Ok(r);
    }
    if !checked_reverse {
        let r = rich_compare_one(vm, b, a, op.swapped())?;
        if !r.is(ni) {
            return Ok(r);
        }
    }
    match op {
        CmpOp::Eq => Ok(py_bool(a.is(b))),
        CmpOp::Ne => Ok(py_bool(!a.is(b))),
        _ => Err(vm.type_error(&format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            ta.name(),
            tb.name()
        ))),
    }
}

/// `a <op> b` as a Rust bool.
pub fn compare(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        return Ok(op.test(x.cmp(&y)));
    }
    let r = rich_compare(vm, a, b, op)?;
    truthy(vm, r)
}

/// `a == b` (identity implies equality, as in containers).
#[inline]
pub fn eq(vm: &Vm, a: Obj, b: Obj) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if a.is_small() && b.is_small() {
        return Ok(false);
    }
    compare(vm, a, b, CmpOp::Eq)
}

// ------------------------------------------------------------ arithmetic

/// `a <op> b` (or `a <op>= b` when `inplace`).
pub fn binary_op(vm: &Vm, op: BinOp, a: Obj, b: Obj, inplace: bool) -> PyResult<Obj> {
    let ni = not_implemented();
    let ta = a.ty();
    let tb = b.ty();
    let fa = ta.slots.num;
    let fb = if ta.is(tb) { None } else { tb.slots.num };
    if let Some(f) = fa {
        // A subclass on the right overriding the op goes first.
        if let Some(g) = fb {
            if tb.is_subtype(ta) {
                let r = g(vm, op, a, b, false)?;
                if !r.is(ni) {
                    return Ok(r);
                }
                let r = f(vm, op, a, b, inplace)?;
                if !r.is(ni) {
                    return Ok(r);
                }
                return binop_fallback(vm, op, a, b, inplace);
            }
        }
        let r = f(vm, op, a, b, inplace)?;
        if !r.is(ni) {
            return Ok(r);
        }
    }
    if let Some(g) = fb {
        let r = g(vm, op, a, b, false)?;
        if !r.is(ni) {
            return Ok(r);
        }
    }
    binop_fallback(vm, op, a, b, inplace)
}

#[cold]
fn binop_fallback(vm: &Vm, op: BinOp, a: Obj, b: Obj, inplace: bool) -> PyResult<Obj> {
    // Sequence repetition with an __index__-able count.
    if op == BinOp::Mul {
        if let Some(r) = seq_repeat(vm, a, b)? {
            return Ok(r);
        }
        if let Some(r) = seq_repeat(vm, b, a)? {
            return Ok(r);
        }
    }
    let sym = if inplace {
        format!("{}=", op.symbol())
    } else {
        op.symbol().into()
    };
    // A builtin sequence on the left concatenates last (CPython's
    // sq_concat), so its message wins over the generic one.
    if op == BinOp::Add {
        let seq = match a.layout() {
            Layout::Str => Some("str"),
            Layout::List => Some("list"),
            Layout::Tuple => Some("tuple"),
            _ => None,
        };
        if let Some(n) = seq {
            return Err(vm.type_error(&format!(
                "can only concatenate {} (not \"{}\") to {}",
                n,
                b.ty().name(),
                n
            )));
        }
        if matches!(a.layout(), Layout::Bytes | Layout::ByteArray) {
            return Err(vm.type_error(&format!(
                "can't concat {} to {}",
                b.ty().name(),
                a.ty().name()
            )));
        }
    }
    if op == BinOp::Pow && !inplace {
        return Err(vm.type_error(&format!(
            "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
            a.ty().name(),
            b.ty().name()
        )));
    }
    Err(vm.type_error(&format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        sym,
        a.ty().name(),
        b.ty().name()
    )))
}

fn seq_repeat(vm: &Vm, seq: Obj, n: Obj) -> PyResult<Option<Obj>> {
    let is_seq = matches!(
        seq.layout(),
        Layout::Str | Layout::List | Layout::Tuple | Layout::Bytes | Layout::ByteArray
    );
    if is_seq && !int::is_int(n) && n.ty().slots.index.is_none() {
        return Err(vm.type_error(&format!(
            "can't multiply sequence by non-int of type '{}'",
            n.ty().name()
        )));
    }
    Ok(None)
}

/// `-o`, `+o`, `~o`.
pub fn unary_op(vm: &Vm, op: UnOp, o: Obj) -> PyResult<Obj> {
    match o.ty().slots.unary {
        Some(f) => f(vm, op, o),
        None => Err(vm.type_error(&format!(
            "bad operand type for unary {}: '{}'",
            op.symbol(),
            o.ty().name()
        ))),
    }
}

// ------------------------------------------------------------- containers

/// `o[k]`.
pub fn getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    if let Some(g) = o.ty().slots.getitem {
        return g(vm, o, k);
    }
    if let Some(t) = o.as_type() {
        // PEP 560 __class_getitem__.
        if let Some(f) = typeobj::lookup(vm, t, "__class_getitem__")? {
            let b = match f.ty().slots.descr_get {
                Some(g) => g(vm, f, None, o)?,
                None => f,
            };
            return call::call(vm, b, &[k]);
        }
        if crate::obj::generic::builtin_generic(t) {
            return crate::obj::generic::new_alias(vm, o, k);
        }
        return Err(vm.type_error(&format!("type '{}' is not subscriptable", t.name())));
    }
    Err(vm.type_error(&format!("'{}' object is not subscriptable", o.ty().name())))
}

/// `o[k] = v`.
pub fn setitem(vm: &Vm, o: Obj, k: Obj, v: Obj) -> PyResult<()> {
    match o.ty().slots.setitem {
        Some(s) => s(vm, o, k, Some(v)),
        None => Err(vm.type_error(&format!(
            "'{}' object does not support item assignment",
            o.ty().name()
        ))),
    }
}

/// `del o[k]`.
pub fn delitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<()> {
    match o.ty().slots.setitem {
        Some(s) => s(vm, o, k, None),
        None => {
            // CPython words it by the route it took: a sequence-shaped type
            // (any class, or a builtin with `in`/`len`) given an index says
            // "doesn't", everything else "does not".
            let t = o.ty();
            let seq = t.is_heap() || t.slots.contains.is_some() || t.slots.len.is_some();
            let idx = k.is_small() || k.ty().slots.index.is_some();
            Err(vm.type_error(&format!(
                "'{}' object {} support item deletion",
                t.name(),
                if seq && idx { "doesn't" } else { "does not" }
            )))
        }
    }
}

/// `k in o`.
pub fn contains(vm: &Vm, o: Obj, k: Obj) -> PyResult<bool> {
    if let Some(c) = o.ty().slots.contains {
        return c(vm, o, k);
    }
    // Fall back to iteration.
    let it = match iter(vm, o) {
        Ok(it) => it,
        Err(e) => {
            if vm.exc_matches(&exc::TYPE_ERROR) {
                vm.take_exc();
                return Err(vm.type_error(&format!(
                    "argument of type '{}' is not iterable",
                    o.ty().name()
                )));
            }
            return Err(e);
        }
    };
    while let Some(x) = next(vm, it)? {
        if eq(vm, x, k)? {
            return Ok(true);
        }
    }
    Ok(false)
}

// -------------------------------------------------------------- iteration

/// `iter(o)`.
pub fn iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let t = o.ty();
    if let Some(f) = t.slots.iter {
        return f(vm, o);
    }
    if t.slots.getitem.is_some() && !o.ty().is_subtype(&crate::obj::dict::DICT_TYPE) {
        return crate::obj::iter::new_seq_iter(vm, o);
    }
    Err(vm.type_error(&format!("'{}' object is not iterable", t.name())))
}

/// `next(it)`: `Ok(None)` when exhausted.
#[inline]
pub fn next(vm: &Vm, it: Obj) -> PyResult<Option<Obj>> {
    match it.ty().slots.iternext {
        // An iterator may end by raising StopIteration with a value
        // (`exc::stop_has_value`): here that is just the end.
        Some(f) => match f(vm, it) {
            Err(_) if vm.exc_matches(&crate::obj::exc::STOP_ITERATION) => {
                vm.take_exc();
                Ok(None)
            }
            r => r,
        },
        None => Err(vm.type_error(&format!("'{}' object is not an iterator", it.ty().name()))),
    }
}

/// Collect an iterable into a Vec (use only for bounded sizes; the items
/// are kept visible to the collector through the returned list object).
pub fn to_vec(vm: &Vm, o: Obj) -> PyResult<Vec<Obj>> {
    // A subclass that iterates its own way is iterated (as CPython, whose
    // fast paths take exact lists and tuples only).
    let own_iter = || !o.ty().is_heap() || !typeobj::class_defines(vm, o.ty(), "__iter__");
    if o.downcast::<tuple::TupleObj>().is_some() && own_iter() {
        return Ok(tuple::tuple_items(o).to_vec());
    }
    if crate::obj::list::is_list(o) && own_iter() {
        return Ok(crate::obj::list::to_vec(o));
    }
    let l = to_list(vm, o)?;
    Ok(crate::obj::list::to_vec(l))
}

/// `list(o)`.
pub fn to_list(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let l = crate::obj::list::new(vm, &[])?;
    let it = iter(vm, o)?;
    while let Some(x) = next(vm, it)? {
        crate::obj::list::append(vm, l, x)?;
    }
    Ok(l)
}

// -------------------------------------------------------------- isinstance

/// `isinstance(o, cls)` with tuples and `__instancecheck__`.
pub fn is_instance(vm: &Vm, o: Obj, cls: Obj) -> PyResult<bool> {
    if crate::obj::generic::is_generic_alias(cls) {
        return Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"));
    }
    if let Some(t) = cls.as_type() {
        if o.ty().is_subtype(t) {
            return Ok(true);
        }
        if cls.ty().is(&typeobj::TYPE_TYPE) {
            // __class__ may be overridden.
            if let Some(c) = getattr_opt_str(vm, o, "__class__")? {
                if let Some(ct) = c.as_type() {
                    return Ok(ct.is_subtype(t));
                }
            }
            return Ok(false);
        }
        if let Some(r) = call_dunder(vm, cls, "__instancecheck__", &[o])? {
            return truthy(vm, r);
        }
        return Ok(false);
    }
    if tuple::is_tuple(cls) {
        for c in tuple::tuple_items(cls) {
            vm.check_stack()?;
            if is_instance(vm, o, *c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(r) = call_dunder(vm, cls, "__instancecheck__", &[o])? {
        return truthy(vm, r);
    }
    // CPython's protocol for class-like objects: `cls.__bases__` a tuple,
    // the instance's `__class__` reaching it through `__bases__`.
    if abstract_bases(vm, cls)?.is_none() {
        return Err(
            vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")
        );
    }
    match getattr_opt_str(vm, o, "__class__")? {
        Some(c) => abstract_issubclass(vm, c, cls),
        None => Ok(false),
    }
}

/// `o.__bases__` when it is a tuple (else None; only AttributeError is
/// swallowed).
fn abstract_bases(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    Ok(getattr_opt_str(vm, o, "__bases__")?.filter(|b| tuple::is_tuple(*b)))
}

/// Is `cls` reachable from `derived` through `__bases__`?
fn abstract_issubclass(vm: &Vm, mut derived: Obj, cls: Obj) -> PyResult<bool> {
    loop {
        if derived.is(cls) {
            return Ok(true);
        }
        vm.check_stack()?;
        let Some(bases) = abstract_bases(vm, derived)? else {
            return Ok(false);
        };
        match tuple::tuple_items(bases) {
            [] => return Ok(false),
            [one] => derived = *one,
            many => {
                // `bases` (a local, so a root) keeps the tuple alive.
                for b in many.iter().copied() {
                    if vm.depth.get() > vm.recursion_limit.get() {
                        return Err(vm.recursion_error());
                    }
                    vm.depth.set(vm.depth.get() + 1);
                    let r = abstract_issubclass(vm, b, cls);
                    vm.depth.set(vm.depth.get() - 1);
                    if r? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
    }
}

/// `issubclass(c, cls)`.
pub fn is_subclass(vm: &Vm, c: Obj, cls: Obj) -> PyResult<bool> {
    if crate::obj::generic::is_generic_alias(cls) {
        return Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"));
    }
    if tuple::is_tuple(cls) {
        for x in tuple::tuple_items(cls) {
            vm.check_stack()?;
            if is_subclass(vm, c, *x)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(t) = cls.as_type() {
        if !cls.ty().is(&typeobj::TYPE_TYPE) {
            if let Some(r) = call_dunder(vm, cls, "__subclasscheck__", &[c])? {
                return truthy(vm, r);
            }
        }
        if let Some(ct) = c.as_type() {
            return Ok(ct.is_subtype(t));
        }
        if abstract_bases(vm, c)?.is_none() {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        }
        return abstract_issubclass(vm, c, cls);
    }
    if let Some(r) = call_dunder(vm, cls, "__subclasscheck__", &[c])? {
        return truthy(vm, r);
    }
    if abstract_bases(vm, c)?.is_none() {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    if abstract_bases(vm, cls)?.is_none() {
        return Err(
            vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        );
    }
    abstract_issubclass(vm, c, cls)
}

/// `format(o, spec)`.
pub fn format(vm: &Vm, o: Obj, spec: Obj) -> PyResult<Obj> {
    if o.ty().is(&pystr::STR_TYPE) && pystr::as_str(spec) == Some("") {
        return Ok(o);
    }
    match call_dunder(vm, o, "__format__", &[spec])? {
        Some(r) => {
            if !pystr::is_str(r) {
                return Err(vm.type_error(&format!(
                    "__format__ must return a str, not {}",
                    r.ty().name()
                )));
            }
            Ok(r)
        }
        None => Err(vm.type_error("object has no __format__")),
    }
}

/// Helper for natives: `Some(x)` when `o` is not None.
#[inline]
pub fn opt(o: Option<Obj>) -> Option<Obj> {
    o.filter(|x| !x.is_none())
}

#[allow(dead_code)]
fn unused() -> Obj {
    none()
}
