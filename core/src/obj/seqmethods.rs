//! Methods and slots of `tuple` and `list`, plus helpers shared by the
//! container types (argument checks, repr recursion guard, dunder wrappers
//! that expose a builtin type's slots as methods).

use super::attr::AttrEntry;
use super::slice::{self, slice_indices};
use super::{
    int, list, none, not_implemented, py_bool, tuple, Args, BinOp, CmpOp, Obj, Slots, TypeObj,
};
use crate::vm::{abs, call, PyResult, Vm};
use crate::{method, staticmethod};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

// ------------------------------------------------------------- arg checks

/// METH_NOARGS check (`args.pos[0]` is self).
pub fn noargs(vm: &Vm, args: &Args, qual: &str) -> PyResult<()> {
    if args.has_kw() {
        return Err(vm.type_error(&format!("{}() takes no keyword arguments", qual)));
    }
    if args.pos.len() != 1 {
        return Err(vm.type_error(&format!(
            "{}() takes no arguments ({} given)",
            qual,
            args.pos.len().saturating_sub(1)
        )));
    }
    Ok(())
}

/// METH_O check: self plus exactly one argument.
pub fn onearg(vm: &Vm, args: &Args, qual: &str) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error(&format!("{}() takes no keyword arguments", qual)));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(&format!(
            "{}() takes exactly one argument ({} given)",
            qual,
            args.pos.len().saturating_sub(1)
        )));
    }
    Ok(args.pos[1])
}

/// `_PyArg_CheckPositional` on the arguments after self.
pub fn posargs<'a>(
    vm: &Vm,
    args: &'a Args,
    qual: &str,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Obj]> {
    if args.has_kw() {
        return Err(vm.type_error(&format!("{}() takes no keyword arguments", qual)));
    }
    let a = args.pos.get(1..).unwrap_or(&[]);
    check_count(vm, name, a.len(), min, max)?;
    Ok(a)
}

/// `_PyArg_CheckPositional` messages.
pub fn check_count(vm: &Vm, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let (what, lim) = if n < min {
        (if min == max { "" } else { "at least " }, min)
    } else if n > max {
        (if min == max { "" } else { "at most " }, max)
    } else {
        return Ok(());
    };
    Err(vm.type_error(&format!(
        "{} expected {}{} argument{}, got {}",
        name,
        what,
        lim,
        if lim == 1 { "" } else { "s" },
        n
    )))
}

// ------------------------------------------------------ repr recursion

/// `Py_ReprEnter`: `true` when `o` is already being repr'd (print `...`).
pub fn repr_enter(vm: &Vm, o: Obj) -> PyResult<bool> {
    let st = match vm.repr_stack.get() {
        Some(s) => s,
        None => {
            let s = list::new(vm, &[])?;
            vm.repr_stack.set(Some(s));
            s
        }
    };
    if list::items(st).iter().any(|x| x.is(o)) {
        return Ok(true);
    }
    list::append(vm, st, o)?;
    Ok(false)
}

/// `Py_ReprLeave`.
pub fn repr_leave(vm: &Vm, o: Obj) {
    if let Some(st) = vm.repr_stack.get() {
        if let Some(i) = list::items(st).iter().rposition(|x| x.is(o)) {
            list::remove_at(st, i);
        }
    }
}

/// Repr of `items` (`open` + reprs + `close`), with the recursion guard.
pub fn repr_items(
    vm: &Vm,
    o: Obj,
    open: &str,
    close: &str,
    get: fn(Obj, usize) -> Option<Obj>,
) -> PyResult<Obj> {
    if repr_enter(vm, o)? {
        return vm.new_string(format!("{}...{}", open, close));
    }
    let r = (|| -> PyResult<String> {
        let mut s = String::from(open);
        let mut i = 0;
        while let Some(x) = get(o, i) {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&abs::repr_string(vm, x)?);
            i += 1;
        }
        s.push_str(close);
        Ok(s)
    })();
    repr_leave(vm, o);
    vm.new_string(r?)
}

// ------------------------------------------------------- dunder wrappers
//
// A builtin type exposes its slots as methods (`list.__getitem__`) so that
// subclasses can call them through `super()`. Each wrapper dispatches to the
// slot of the instance's solid (builtin) base.

fn base(o: Obj) -> &'static TypeObj {
    builtin_base(o.ty())
}
/// The builtin type whose slots these wrappers run: the first non-heap
/// type on `t`'s base chain (a C type extending a builtin is a solid base
/// of its own whose slots call C, which may call these wrappers again).
fn builtin_base(t: &'static TypeObj) -> &'static TypeObj {
    let mut c = t;
    while c.is_heap() {
        match c.base {
            Some(b) => c = b,
            None => break,
        }
    }
    c
}
fn this(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.pos
        .first()
        .copied()
        .ok_or_else(|| vm.type_error("descriptor needs an argument"))
}
fn arg1(vm: &Vm, args: &Args, name: &str) -> PyResult<(Obj, Obj)> {
    if args.pos.len() != 2 || args.has_kw() {
        return Err(vm.type_error(&format!(
            "expected 1 argument, got {}",
            args.pos.len().saturating_sub(1) + args.kw.len()
        )));
    }
    let _ = name;
    Ok((args.pos[0], args.pos[1]))
}
fn missing(vm: &Vm, o: Obj, name: &str) -> crate::vm::Raised {
    vm.type_error(&format!(
        "'{}' object has no method {}",
        o.ty().name(),
        name
    ))
}
pub fn w_len(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "__len__")?;
    let o = args.pos[0];
    let f = base(o).slots.len.ok_or_else(|| missing(vm, o, "__len__"))?;
    int::new_i64(vm, f(vm, o)? as i64)
}
pub fn w_getitem(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (o, k) = arg1(vm, args, "__getitem__")?;
    let f = base(o)
        .slots
        .getitem
        .ok_or_else(|| missing(vm, o, "__getitem__"))?;
    f(vm, o, k)
}
pub fn w_setitem(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.pos.len() != 3 || args.has_kw() {
        return Err(vm.type_error(&format!(
            "expected 2 arguments, got {}",
            args.pos.len().saturating_sub(1)
        )));
    }
    let o = args.pos[0];
    let f = base(o)
        .slots
        .setitem
        .ok_or_else(|| missing(vm, o, "__setitem__"))?;
    f(vm, o, args.pos[1], Some(args.pos[2]))?;
    Ok(none())
}
pub fn w_delitem(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (o, k) = arg1(vm, args, "__delitem__")?;
    let f = base(o)
        .slots
        .setitem
        .ok_or_else(|| missing(vm, o, "__delitem__"))?;
    f(vm, o, k, None)?;
    Ok(none())
}
pub fn w_contains(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (o, k) = arg1(vm, args, "__contains__")?;
    let f = base(o)
        .slots
        .contains
        .ok_or_else(|| missing(vm, o, "__contains__"))?;
    Ok(py_bool(f(vm, o, k)?))
}
pub fn w_iter(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "__iter__")?;
    let o = args.pos[0];
    let f = base(o)
        .slots
        .iter
        .ok_or_else(|| missing(vm, o, "__iter__"))?;
    f(vm, o)
}
pub fn w_next(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "__next__")?;
    let o = args.pos[0];
    let f = base(o)
        .slots
        .iternext
        .ok_or_else(|| missing(vm, o, "__next__"))?;
    match f(vm, o)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration()),
    }
}
pub fn w_repr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "__repr__")?;
    let o = args.pos[0];
    let f = base(o)
        .slots
        .repr
        .ok_or_else(|| missing(vm, o, "__repr__"))?;
    f(vm, o)
}
pub fn w_hash(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "__hash__")?;
    let o = args.pos[0];
    match base(o).slots.hash {
        Some(f) => int::new_i64(vm, f(vm, o)? as i64),
        None => Err(vm.type_error(&format!("unhashable type: '{}'", o.ty().name()))),
    }
}
pub fn w_init(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let o = this(vm, args)?;
    if let Some(f) = base(o).slots.init {
        f(
            vm,
            o,
            &Args {
                pos: &args.pos[1..],
                kw: args.kw,
                kwnames: args.kwnames,
            },
        )?;
    }
    Ok(none())
}
/// `T.__new__(cls, ...)` for builtin types (a staticmethod).
pub fn w_new(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let c = args
        .pos
        .first()
        .copied()
        .ok_or_else(|| vm.type_error("__new__(): not enough arguments"))?;
    let t = c.as_type().ok_or_else(|| {
        vm.type_error(&format!(
            "__new__(X): X is not a type object ({})",
            c.ty().name()
        ))
    })?;
    let f = builtin_base(t)
        .slots
        .new
        .ok_or_else(|| vm.type_error(&format!("cannot create '{}' instances", t.name())))?;
    f(
        vm,
        t,
        &Args {
            pos: &args.pos[1..],
            kw: args.kw,
            kwnames: args.kwnames,
        },
    )
}
fn w_cmp(vm: &Vm, args: &Args, op: CmpOp) -> PyResult<Obj> {
    let (o, b) = arg1(vm, args, op.dunder())?;
    match base(o).slots.richcmp {
        Some(f) => f(vm, o, b, op),
        None => Ok(not_implemented()),
    }
}
pub fn w_eq(vm: &Vm, a: &Args) -> PyResult<Obj> {
    w_cmp(vm, a, CmpOp::Eq)
}
pub fn w_ne(vm: &Vm, a: &Args) -> PyResult<Obj> {
    w_cmp(vm, a, CmpOp::Ne)
}
pub fn w_lt(vm: &Vm, a: &Args) -> PyResult<Obj> {
    w_cmp(vm, a, CmpOp::Lt)
}
pub fn w_le(vm: &Vm, a: &Args) -> PyResult<Obj> {
    w_cmp(vm, a, CmpOp::Le)
}
pub fn w_gt(vm: &Vm, a: &Args) -> PyResult<Obj> {
    w_cmp(vm, a, CmpOp::Gt)
}
pub fn w_ge(vm: &Vm, a: &Args) -> PyResult<Obj> {
    w_cmp(vm, a, CmpOp::Ge)
}
fn w_num(vm: &Vm, args: &Args, op: BinOp, kind: u8) -> PyResult<Obj> {
    let (o, b) = arg1(vm, args, op.dunder())?;
    let Some(f) = base(o).slots.num else {
        return Ok(not_implemented());
    };
    match kind {
        0 => f(vm, op, o, b, false),
        1 => f(vm, op, b, o, false),
        _ => f(vm, op, o, b, true),
    }
}
macro_rules! numw {
    ($($name:ident $op:ident $k:expr;)*) => {$(
        pub fn $name(vm: &Vm, a: &Args) -> PyResult<Obj> {
            w_num(vm, a, BinOp::$op, $k)
        }
    )*};
}
numw! {
    w_add Add 0; w_radd Add 1; w_iadd Add 2; w_mul Mul 0; w_rmul Mul 1; w_imul Mul 2;
    w_or Or 0; w_ror Or 1; w_ior Or 2; w_and And 0; w_rand And 1; w_iand And 2;
    w_sub Sub 0; w_rsub Sub 1; w_isub Sub 2; w_xor Xor 0; w_rxor Xor 1; w_ixor Xor 2;
}
/// `__class_getitem__`: `cls[args]` is a `types.GenericAlias`.
pub fn w_class_getitem(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (c, a) = arg1(vm, args, "__class_getitem__")?;
    super::generic::new_alias(vm, c, a)
}

// ------------------------------------------------------- shared helpers

/// Is `k` usable as an integer index?
#[inline]
pub fn is_index(k: Obj) -> bool {
    k.is_small() || int::is_int(k) || k.ty().slots.index.is_some()
}

fn norm_index(vm: &Vm, k: Obj, n: usize, what: &str) -> PyResult<usize> {
    let i = abs::index_isize(vm, k)?;
    let j = if i < 0 { i.wrapping_add(n as isize) } else { i };
    if j < 0 || j >= n as isize {
        return Err(vm.index_error(&format!("{} index out of range", what)));
    }
    Ok(j as usize)
}

fn bad_index(vm: &Vm, what: &str, k: Obj) -> crate::vm::Raised {
    vm.type_error(&format!(
        "{} indices must be integers or slices, not {}",
        what,
        k.ty().name()
    ))
}

/// The `start`/`stop` arguments of `index()` (`_PyEval_SliceIndexNotNone`),
/// normalised against `n`.
fn start_stop(vm: &Vm, a: &[Obj], n: usize) -> PyResult<(usize, usize)> {
    let conv = |o: Option<&Obj>, dflt: isize| -> PyResult<usize> {
        let v = match o {
            None => dflt,
            Some(x) => {
                if !is_index(*x) {
                    return Err(
                        vm.type_error("slice indices must be integers or have an __index__ method")
                    );
                }
                slice::clamp_int(abs::index(vm, *x)?)
            }
        };
        let v = if v < 0 {
            v.saturating_add(n as isize).max(0)
        } else {
            v
        };
        Ok(v as usize)
    };
    Ok((conv(a.first(), 0)?, conv(a.get(1), isize::MAX)?))
}

/// Item `i` of a list or tuple (re-read each time: lists may change).
fn seq_get(o: Obj, i: usize) -> Option<Obj> {
    if list::is_list(o) {
        list::get(o, i)
    } else {
        tuple::tuple_items(o).get(i).copied()
    }
}
fn seq_len(o: Obj) -> usize {
    if list::is_list(o) {
        list::len(o)
    } else {
        tuple::tuple_items(o).len()
    }
}

fn seq_contains(vm: &Vm, o: Obj, k: Obj) -> PyResult<bool> {
    let mut i = 0;
    while let Some(x) = seq_get(o, i) {
        if abs::eq(vm, x, k)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn seq_richcmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    let same = (tuple::is_tuple(a) && tuple::is_tuple(b)) || (list::is_list(a) && list::is_list(b));
    if !same {
        return Ok(not_implemented());
    }
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && seq_len(a) != seq_len(b) {
        return Ok(py_bool(op == CmpOp::Ne));
    }
    let mut i = 0;
    while let (Some(p), Some(q)) = (seq_get(a, i), seq_get(b, i)) {
        if !abs::eq(vm, p, q)? {
            return match op {
                CmpOp::Eq => Ok(super::false_obj()),
                CmpOp::Ne => Ok(super::true_obj()),
                _ => abs::rich_compare(vm, p, q, op),
            };
        }
        i += 1;
    }
    Ok(py_bool(op.test(seq_len(a).cmp(&seq_len(b)))))
}

fn seq_count(vm: &Vm, args: &Args, qual: &str) -> PyResult<Obj> {
    let v = onearg(vm, args, qual)?;
    let o = args.pos[0];
    let (mut i, mut n) = (0, 0);
    while let Some(x) = seq_get(o, i) {
        if abs::eq(vm, x, v)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Obj::small(n))
}

fn seq_index(vm: &Vm, args: &Args, name: &str) -> PyResult<Obj> {
    let a = posargs(vm, args, name, "index", 1, 3)?;
    let o = args.pos[0];
    let (mut i, stop) = start_stop(vm, &a[1..], seq_len(o))?;
    while i < stop {
        let Some(x) = seq_get(o, i) else { break };
        if abs::eq(vm, x, a[0])? {
            return Ok(Obj::small(i as isize));
        }
        i += 1;
    }
    if list::is_list(o) {
        let r = abs::repr_string(vm, a[0])?;
        Err(vm.value_error(&format!("{} is not in list", r)))
    } else {
        Err(vm.value_error("tuple.index(x): x not in tuple"))
    }
}

/// Items `[start, start+step, ...]` (slicelength `n`) of `items`.
fn gather(items: &[Obj], start: isize, step: isize, n: usize) -> Vec<Obj> {
    (0..n)
        .filter_map(|i| items.get(slice::nth(start, step, i)).copied())
        .collect()
}

/// `len * n` for repetition; MemoryError on overflow.
fn repeat_count(vm: &Vm, n: Obj, len: usize) -> PyResult<usize> {
    let n = abs::index(vm, n)?;
    let c = match int::to_i64(n) {
        Some(v) if v <= 0 => return Ok(0),
        Some(v) => v as u64,
        None => {
            if int::to_bigint(n).map(|b| b.is_negative()).unwrap_or(false) {
                return Ok(0);
            }
            if len == 0 {
                return Ok(0);
            }
            return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
        }
    };
    if c > isize::MAX as u64 {
        if len == 0 {
            return Ok(0);
        }
        return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
    }
    match (c as usize).checked_mul(len) {
        Some(t) if t <= isize::MAX as usize / core::mem::size_of::<Obj>() => Ok(c as usize),
        _ => Err(vm.memory_error()),
    }
}

fn repeat_vec(items: &[Obj], n: usize) -> Vec<Obj> {
    let mut v = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        v.extend_from_slice(items);
    }
    v
}

/// The num slot shared by list and tuple (`+`, `*`, `+=`, `*=`).
fn seq_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, inplace: bool) -> PyResult<Obj> {
    let is_l = list::is_list(a) || (!tuple::is_tuple(a) && list::is_list(b));
    let what = if is_l { "list" } else { "tuple" };
    let mine = |o: Obj| {
        if is_l {
            list::is_list(o)
        } else {
            tuple::is_tuple(o)
        }
    };
    match op {
        BinOp::Add => {
            if !mine(a) {
                return Ok(not_implemented());
            }
            if inplace && is_l {
                // CPython tries both number slots before the sequence's
                // in-place concat: `x.__radd__` goes first.
                if !mine(b) {
                    if let Some(g) = other_num(b) {
                        let r = g(vm, op, a, b, false)?;
                        if !r.is(not_implemented()) {
                            return Ok(r);
                        }
                    }
                }
                list_extend_with(vm, a, b)?;
                return Ok(a);
            }
            if !mine(b) {
                // Let the other operand's reflected method try first.
                if let Some(g) = other_num(b) {
                    let r = g(vm, op, a, b, false)?;
                    if !r.is(not_implemented()) {
                        return Ok(r);
                    }
                }
                return Err(vm.type_error(&format!(
                    "can only concatenate {} (not \"{}\") to {}",
                    what,
                    b.ty().name(),
                    what
                )));
            }
            let mut v = seq_snapshot(a);
            v.extend_from_slice(&seq_snapshot(b));
            if is_l {
                list::new(vm, &v)
            } else {
                tuple::new(vm, &v)
            }
        }
        BinOp::Mul => {
            let (s, n) = if mine(a) { (a, b) } else { (b, a) };
            if !is_index(n) {
                if mine(a) {
                    if let Some(g) = other_num(b) {
                        let r = g(vm, op, a, b, false)?;
                        if !r.is(not_implemented()) {
                            return Ok(r);
                        }
                    }
                }
                return Err(vm.type_error(&format!(
                    "can't multiply sequence by non-int of type '{}'",
                    n.ty().name()
                )));
            }
            let c = repeat_count(vm, n, seq_len(s))?;
            let v = repeat_vec(&seq_snapshot(s), c);
            if inplace && is_l && s.is(a) {
                list::replace_all(vm, a, &v)?;
                return Ok(a);
            }
            if !is_l && c == 1 && s.ty().is(&tuple::TUPLE_TYPE) {
                return Ok(s);
            }
            if is_l {
                list::new(vm, &v)
            } else {
                tuple::new(vm, &v)
            }
        }
        _ => Ok(not_implemented()),
    }
}

/// The num slot of `b`'s type unless it is ours.
fn other_num(b: Obj) -> Option<super::NumBinFn> {
    let t = b.ty();
    // A list or tuple (or subclass without numeric dunders) uses this very
    // slot (compared by layout: function addresses are not reliable).
    if matches!(t.layout, super::Layout::List | super::Layout::Tuple)
        && t.flags & super::tpflags::PY_NUM == 0
    {
        return None;
    }
    t.slots.num
}

fn seq_snapshot(o: Obj) -> Vec<Obj> {
    if list::is_list(o) {
        list::to_vec(o)
    } else {
        tuple::tuple_items(o).to_vec()
    }
}

// ------------------------------------------------------------------ tuple

fn tuple_get(o: Obj, i: usize) -> Option<Obj> {
    tuple::tuple_items(o).get(i).copied()
}
fn tuple_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let items = tuple::tuple_items(o);
    if items.is_empty() {
        return vm.new_str("()");
    }
    if items.len() == 1 {
        if repr_enter(vm, o)? {
            return vm.new_str("(...)");
        }
        let r = abs::repr_string(vm, items[0]);
        repr_leave(vm, o);
        return vm.new_string(format!("({},)", r?));
    }
    repr_items(vm, o, "(", ")", tuple_get)
}
fn tuple_len(_vm: &Vm, o: Obj) -> PyResult<usize> {
    Ok(tuple::tuple_items(o).len())
}
fn tuple_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    let items = tuple::tuple_items(o);
    if is_index(k) {
        let i = norm_index(vm, k, items.len(), "tuple")?;
        return Ok(items[i]);
    }
    if slice::is_slice(k) {
        let (a, _, s, n) = slice_indices(vm, k, items.len())?;
        if n == items.len() && s == 1 && o.ty().is(&tuple::TUPLE_TYPE) {
            return Ok(o);
        }
        return tuple::new(vm, &gather(tuple::tuple_items(o), a, s, n));
    }
    Err(bad_index(vm, "tuple", k))
}
fn tuple_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    super::iter::new_tuple_iter(vm, o)
}

/// CPython's xxHash-based tuple hash.
fn tuple_hash(vm: &Vm, o: Obj) -> PyResult<isize> {
    if let Some(t) = o.downcast::<tuple::TupleObj>() {
        if t.hash.get() != -1 {
            return Ok(t.hash.get());
        }
    }
    let items = tuple::tuple_items(o);
    let h = xxhash_combine(vm, items.len(), |i| abs::hash(vm, items[i]))?;
    if let Some(t) = o.downcast::<tuple::TupleObj>() {
        if !tuple::is_static(o) {
            t.hash.set(h);
        }
    }
    Ok(h)
}

/// The xxHash accumulation CPython uses for tuples.
pub fn xxhash_combine(
    _vm: &Vm,
    n: usize,
    mut get: impl FnMut(usize) -> PyResult<isize>,
) -> PyResult<isize> {
    #[cfg(target_pointer_width = "64")]
    {
        const P1: u64 = 11400714785074694791;
        const P2: u64 = 14029467366897019727;
        const P5: u64 = 2870177450012600261;
        let mut acc = P5;
        for i in 0..n {
            let lane = get(i)? as u64;
            acc = acc.wrapping_add(lane.wrapping_mul(P2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(P1);
        }
        acc = acc.wrapping_add((n as u64) ^ (P5 ^ 3527539));
        if acc == u64::MAX {
            return Ok(1546275796);
        }
        Ok(acc as isize)
    }
    #[cfg(not(target_pointer_width = "64"))]
    {
        const P1: u32 = 2654435761;
        const P2: u32 = 2246822519;
        const P5: u32 = 374761393;
        let mut acc = P5;
        for i in 0..n {
            let lane = get(i)? as u32;
            acc = acc.wrapping_add(lane.wrapping_mul(P2));
            acc = acc.rotate_left(13);
            acc = acc.wrapping_mul(P1);
        }
        acc = acc.wrapping_add((n as u32) ^ (P5 ^ 3527539));
        if acc == u32::MAX {
            return Ok(1546275796);
        }
        Ok(acc as i32 as isize)
    }
}

fn tuple_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    check_count(vm, "tuple", args.pos.len(), 0, 1)?;
    let Some(&src) = args.pos.first() else {
        return tuple::new_typed(vm, t, &[]);
    };
    if t.is(&tuple::TUPLE_TYPE) && src.ty().is(&tuple::TUPLE_TYPE) {
        return Ok(src);
    }
    let l = if list::is_list(src)
        && (!src.ty().is_heap() || !super::typeobj::class_defines(vm, src.ty(), "__iter__"))
    {
        src
    } else {
        abs::to_list(vm, src)?
    };
    // Copy out of the GC-visible list straight into the new tuple.
    let n = list::len(l);
    let o = tuple::alloc(vm, t, n)?;
    for i in 0..n {
        tuple::set_item(o, i, list::get(l, i).unwrap_or(none()));
    }
    Ok(o)
}
fn tuple_count(vm: &Vm, args: &Args) -> PyResult<Obj> {
    seq_count(vm, args, "tuple.count")
}
fn tuple_index(vm: &Vm, args: &Args) -> PyResult<Obj> {
    seq_index(vm, args, "tuple.index")
}
fn tuple_getnewargs(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "tuple.__getnewargs__")?;
    let t = tuple::new(vm, tuple::tuple_items(args.pos[0]))?;
    tuple::new(vm, &[t])
}

pub const TUPLE_SLOTS: Slots = Slots {
    repr: Some(tuple_repr),
    len: Some(tuple_len),
    getitem: Some(tuple_getitem),
    iter: Some(tuple_iter),
    contains: Some(seq_contains),
    richcmp: Some(seq_richcmp),
    hash: Some(tuple_hash),
    num: Some(seq_num),
    new: Some(tuple_new),
    getattr: Some(super::typeobj::generic_getattr),
    ..Slots::EMPTY
};
pub static TUPLE_ATTRS: [AttrEntry; 19] = [
    method!("count", tuple_count),
    method!("index", tuple_index),
    method!("__getnewargs__", tuple_getnewargs),
    staticmethod!("__new__", w_new),
    method!("__len__", w_len),
    method!("__getitem__", w_getitem),
    method!("__contains__", w_contains),
    method!("__iter__", w_iter),
    method!("__repr__", w_repr),
    method!("__hash__", w_hash),
    method!("__eq__", w_eq),
    method!("__ne__", w_ne),
    method!("__lt__", w_lt),
    method!("__le__", w_le),
    method!("__gt__", w_gt),
    method!("__ge__", w_ge),
    method!("__add__", w_add),
    method!("__mul__", w_mul),
    crate::classmethod!("__class_getitem__", w_class_getitem),
];

// ------------------------------------------------------------------- list

fn list_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    if list::len(o) == 0 {
        return vm.new_str("[]");
    }
    repr_items(vm, o, "[", "]", list::get)
}
fn list_len(_vm: &Vm, o: Obj) -> PyResult<usize> {
    Ok(list::len(o))
}
fn list_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    if is_index(k) {
        let i = norm_index(vm, k, list::len(o), "list")?;
        return Ok(list::get(o, i).unwrap_or(none()));
    }
    if slice::is_slice(k) {
        let (a, _, s, n) = slice_indices(vm, k, list::len(o))?;
        return list::new(vm, &gather(list::items(o), a, s, n));
    }
    Err(bad_index(vm, "list", k))
}
fn list_setitem(vm: &Vm, o: Obj, k: Obj, v: Option<Obj>) -> PyResult<()> {
    if is_index(k) {
        let i = norm_index(vm, k, list::len(o), "list assignment")?;
        match v {
            Some(v) => {
                list::set(o, i, v);
            }
            None => {
                list::remove_at(o, i);
            }
        }
        return Ok(());
    }
    if !slice::is_slice(k) {
        return Err(bad_index(vm, "list", k));
    }
    // The new items first (evaluating them may run code that resizes us).
    let new_items = match v {
        None => None,
        Some(v) if v.is(o) => Some(list::to_vec(o)),
        Some(v) => {
            if !list::is_list(v)
                && !tuple::is_tuple(v)
                && v.ty().slots.iter.is_none()
                && v.ty().slots.getitem.is_none()
            {
                let (_, _, s, _) = slice_indices(vm, k, list::len(o))?;
                return Err(vm.type_error(if s == 1 {
                    "can only assign an iterable"
                } else {
                    "must assign iterable to extended slice"
                }));
            }
            Some(abs::to_vec(vm, v)?)
        }
    };
    let (a, b, s, n) = slice_indices(vm, k, list::len(o))?;
    let cur = list::to_vec(o);
    if s == 1 {
        let b = b.max(a) as usize;
        let a = a as usize;
        let mut out =
            Vec::with_capacity(cur.len() + new_items.as_ref().map(|x| x.len()).unwrap_or(0));
        out.extend_from_slice(&cur[..a]);
        if let Some(ni) = &new_items {
            out.extend_from_slice(ni);
        }
        out.extend_from_slice(&cur[b..]);
        return list::replace_all(vm, o, &out);
    }
    match new_items {
        Some(ni) => {
            if ni.len() != n {
                return Err(vm.value_error(&format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    ni.len(),
                    n
                )));
            }
            for (i, x) in ni.iter().enumerate() {
                list::set(o, slice::nth(a, s, i), *x);
            }
            Ok(())
        }
        None => {
            let mut del = alloc::vec![false; cur.len()];
            for i in 0..n {
                if let Some(d) = del.get_mut(slice::nth(a, s, i)) {
                    *d = true;
                }
            }
            let out: Vec<Obj> = cur
                .iter()
                .zip(del.iter())
                .filter(|(_, d)| !**d)
                .map(|(x, _)| *x)
                .collect();
            list::replace_all(vm, o, &out)
        }
    }
}
fn list_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    super::iter::new_list_iter(vm, o)
}
fn list_truthy(_vm: &Vm, o: Obj) -> PyResult<bool> {
    Ok(list::len(o) != 0)
}

/// `l.extend(iterable)`.
pub fn list_extend_with(vm: &Vm, l: Obj, src: Obj) -> PyResult<()> {
    if (list::is_list(src) || tuple::is_tuple(src))
        && (!src.ty().is_heap() || !super::typeobj::class_defines(vm, src.ty(), "__iter__"))
    {
        let items = seq_snapshot(src);
        list::reserve(vm, l, items.len())?;
        for x in items {
            list::append(vm, l, x)?;
        }
        return Ok(());
    }
    let it = abs::iter(vm, src)?;
    while let Some(x) = abs::next(vm, it)? {
        list::append(vm, l, x)?;
    }
    Ok(())
}

fn list_new(vm: &Vm, t: &'static TypeObj, _args: &Args) -> PyResult<Obj> {
    list::new_typed(vm, t, &[])
}
fn list_init(vm: &Vm, o: Obj, args: &Args) -> PyResult<()> {
    if args.has_kw() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    check_count(vm, "list", args.pos.len(), 0, 1)?;
    list::truncate(o, 0);
    if let Some(&src) = args.pos.first() {
        list_extend_with(vm, o, src)?;
    }
    Ok(())
}
fn list_append(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let v = onearg(vm, args, "list.append")?;
    list::append(vm, args.pos[0], v)?;
    Ok(none())
}
fn list_extend(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let v = onearg(vm, args, "list.extend")?;
    list_extend_with(vm, args.pos[0], v)?;
    Ok(none())
}
fn list_insert(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = posargs(vm, args, "list.insert", "insert", 2, 2)?;
    let l = args.pos[0];
    let i = slice::clamp_int(abs::index(vm, a[0])?);
    let n = list::len(l) as isize;
    let i = if i < 0 {
        (i.saturating_add(n)).max(0)
    } else {
        i.min(n)
    };
    list::insert(vm, l, i as usize, a[1])?;
    Ok(none())
}
fn list_pop(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = posargs(vm, args, "list.pop", "pop", 0, 1)?;
    let l = args.pos[0];
    let i = match a.first() {
        Some(k) => abs::index_isize(vm, *k)?,
        None => -1,
    };
    let n = list::len(l);
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let j = if i < 0 { i + n as isize } else { i };
    if j < 0 || j >= n as isize {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(list::remove_at(l, j as usize).unwrap_or(none()))
}
fn list_remove(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let v = onearg(vm, args, "list.remove")?;
    let l = args.pos[0];
    let mut i = 0;
    while let Some(x) = list::get(l, i) {
        if abs::eq(vm, x, v)? {
            list::remove_at(l, i);
            return Ok(none());
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}
fn list_clear(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "list.clear")?;
    list::truncate(args.pos[0], 0);
    Ok(none())
}
fn list_copy(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "list.copy")?;
    list::new(vm, list::items(args.pos[0]))
}
fn list_reverse(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "list.reverse")?;
    list::reverse(args.pos[0]);
    Ok(none())
}
fn list_count(vm: &Vm, args: &Args) -> PyResult<Obj> {
    seq_count(vm, args, "list.count")
}
fn list_index(vm: &Vm, args: &Args) -> PyResult<Obj> {
    seq_index(vm, args, "list.index")
}
fn list_reversed(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "list.__reversed__")?;
    super::iter::new_list_reverse_iter(vm, args.pos[0])
}
fn list_sort_m(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let kw = Args {
        pos: &[],
        kw: args.kw,
        kwnames: args.kwnames,
    };
    let [key, rev] = kw.bind(vm, "sort", ["key", "reverse"], 0)?;
    let rev = match rev {
        Some(r) => abs::truthy(vm, r)?,
        None => false,
    };
    sort(vm, args.pos[0], abs::opt(key), rev)?;
    Ok(none())
}

/// `list.sort(key=key, reverse=reverse)`: CPython's run detection and
/// binary insertion sort (same comparisons, so the same errors), with a
/// plain stable merge of the runs.
pub fn sort(vm: &Vm, l: Obj, key: Option<Obj>, reverse: bool) -> PyResult<()> {
    // While sorting, the list is empty; the items live in `saved`.
    let saved = list::new(vm, &[])?;
    list::swap_storage(l, saved);
    let n = list::len(saved);
    let keys = match key {
        None => saved,
        Some(f) => {
            let k = list::new(vm, &[])?;
            for i in 0..n {
                let x = list::get(saved, i).unwrap_or(none());
                match call::call(vm, f, &[x]) {
                    Ok(v) => list::append(vm, k, v)?,
                    Err(e) => {
                        list::swap_storage(l, saved);
                        return Err(e);
                    }
                }
            }
            k
        }
    };
    let mut idx: Vec<usize> = if reverse {
        (0..n).rev().collect()
    } else {
        (0..n).collect()
    };
    let r = timsort(vm, keys, &mut idx);
    if reverse {
        idx.reverse();
    }
    let modified = list::len(l) != 0 || list::capacity(l) != 0;
    let out = list::new(vm, &[])?;
    list::reserve(vm, out, n)?;
    for &i in &idx {
        list::append(vm, out, list::get(saved, i).unwrap_or(none()))?;
    }
    list::swap_storage(l, out);
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(())
}

fn timsort(vm: &Vm, keys: Obj, idx: &mut [usize]) -> PyResult<()> {
    let lt = |a: usize, b: usize| -> PyResult<bool> {
        let x = list::get(keys, a).unwrap_or(none());
        let y = list::get(keys, b).unwrap_or(none());
        abs::compare(vm, x, y, CmpOp::Lt)
    };
    let n = idx.len();
    if n < 2 {
        return Ok(());
    }
    let mut minrun = n;
    let mut r = 0;
    while minrun >= 64 {
        r |= minrun & 1;
        minrun >>= 1;
    }
    minrun += r;
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        // count_run
        let hi = n;
        let mut k = 1;
        if lo + 1 < hi {
            k = 2;
            if lt(idx[lo + 1], idx[lo])? {
                let mut p = lo + 2;
                while p < hi && lt(idx[p], idx[p - 1])? {
                    p += 1;
                    k += 1;
                }
                idx[lo..lo + k].reverse();
            } else {
                let mut p = lo + 2;
                while p < hi && !lt(idx[p], idx[p - 1])? {
                    p += 1;
                    k += 1;
                }
            }
        }
        if k < minrun {
            let force = minrun.min(n - lo);
            // binarysort(lo, lo+force, lo+k)
            for start in lo + k..lo + force {
                let pivot = idx[start];
                let (mut l, mut rr) = (lo, start);
                while l < rr {
                    let p = l + ((rr - l) >> 1);
                    if lt(pivot, idx[p])? {
                        rr = p;
                    } else {
                        l = p + 1;
                    }
                }
                idx.copy_within(l..start, l + 1);
                idx[l] = pivot;
            }
            k = force;
        }
        runs.push((lo, lo + k));
        lo += k;
    }
    // Merge adjacent runs until one remains (stable: ties take the left).
    let mut tmp: Vec<usize> = Vec::with_capacity(n);
    while runs.len() > 1 {
        let mut next = Vec::with_capacity(runs.len() / 2 + 1);
        let mut i = 0;
        while i < runs.len() {
            if i + 1 == runs.len() {
                next.push(runs[i]);
                break;
            }
            let (a0, a1) = runs[i];
            let (_, b1) = runs[i + 1];
            tmp.clear();
            let (mut p, mut q) = (a0, a1);
            while p < a1 && q < b1 {
                if lt(idx[q], idx[p])? {
                    tmp.push(idx[q]);
                    q += 1;
                } else {
                    tmp.push(idx[p]);
                    p += 1;
                }
            }
            tmp.extend_from_slice(&idx[p..a1]);
            tmp.extend_from_slice(&idx[q..b1]);
            idx[a0..b1].copy_from_slice(&tmp);
            next.push((a0, b1));
            i += 2;
        }
        runs = next;
    }
    Ok(())
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
    num: Some(seq_num),
    new: Some(list_new),
    init: Some(list_init),
    getattr: Some(super::typeobj::generic_getattr),
    ..Slots::EMPTY
};
pub static LIST_ATTRS: [AttrEntry; 34] = [
    method!("append", list_append),
    method!("extend", list_extend),
    method!("insert", list_insert),
    method!("remove", list_remove),
    method!("pop", list_pop),
    method!("clear", list_clear),
    method!("index", list_index),
    method!("count", list_count),
    method!("sort", list_sort_m),
    method!("reverse", list_reverse),
    method!("copy", list_copy),
    method!("__reversed__", list_reversed),
    staticmethod!("__new__", w_new),
    method!("__init__", w_init),
    method!("__len__", w_len),
    method!("__getitem__", w_getitem),
    method!("__setitem__", w_setitem),
    method!("__delitem__", w_delitem),
    method!("__contains__", w_contains),
    method!("__iter__", w_iter),
    method!("__repr__", w_repr),
    method!("__eq__", w_eq),
    method!("__ne__", w_ne),
    method!("__lt__", w_lt),
    method!("__le__", w_le),
    method!("__gt__", w_gt),
    method!("__ge__", w_ge),
    method!("__add__", w_add),
    method!("__mul__", w_mul),
    method!("__rmul__", w_rmul),
    method!("__iadd__", w_iadd),
    method!("__imul__", w_imul),
    crate::constant!("__hash__", super::NONE),
    crate::classmethod!("__class_getitem__", w_class_getitem),
];
