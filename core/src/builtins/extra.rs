//! The rest of the builtin functions: `abs` … `vars`, `eval`/`exec`/
//! `compile`, `min`/`max`/`sum`/`sorted`, `iter`/`next` and friends.
#![allow(unsafe_code)]

use crate::bigint::{BigInt, IntError};
use crate::function;
use crate::obj::attr::AttrEntry;
use crate::obj::iter::SeqIterObj;
use crate::obj::{
    self, bytes, dict, exc, float, int, none, str as pystr, tuple, Args, BinOp, CmpOp, Layout, Obj,
    ObjHead, Slots, TypeObj,
};
use crate::vm::frame::Frame;
use crate::vm::{abs, call, PyResult, Vm};
use alloc::format;
use alloc::string::String;
use core::cell::Cell;

/// Register the remaining builtins into the builtins dict `d`.
pub fn init(_vm: &Vm, _d: Obj) -> PyResult<()> {
    Ok(())
}

// ------------------------------------------------------- argument helpers

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn no_kw(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.has_kw() {
        return Err(vm.type_error(&format!("{}() takes no keyword arguments", name)));
    }
    Ok(())
}

/// A one-argument builtin (CPython's `METH_O`).
pub fn one(vm: &Vm, args: &Args, name: &str) -> PyResult<Obj> {
    no_kw(vm, args, name)?;
    match args.pos {
        [o] => Ok(*o),
        p => Err(vm.type_error(&format!(
            "{}() takes exactly one argument ({} given)",
            name,
            p.len()
        ))),
    }
}

/// Positional-only arguments checked like CPython's `PyArg_UnpackTuple`.
pub fn unpack<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Obj]> {
    no_kw(vm, args, name)?;
    let n = args.pos.len();
    if n < min || n > max {
        let (how, k) = if min == max {
            ("", min)
        } else if n < min {
            ("at least ", min)
        } else {
            ("at most ", max)
        };
        return Err(vm.type_error(&format!(
            "{} expected {}{} argument{}, got {}",
            name,
            how,
            k,
            plural(k),
            n
        )));
    }
    Ok(args.pos)
}

/// A builtin taking no arguments (CPython's `METH_NOARGS`).
pub fn noargs(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    no_kw(vm, args, name)?;
    if !args.pos.is_empty() {
        return Err(vm.type_error(&format!(
            "{}() takes no arguments ({} given)",
            name,
            args.pos.len()
        )));
    }
    Ok(())
}

fn new_int(vm: &Vm, b: &BigInt) -> PyResult<Obj> {
    int::from_bigint(vm, b)
}

/// An exact (non-subclass) int or bool.
fn exact_int(o: Obj) -> bool {
    int::is_int(o) && !o.ty().is_heap()
}

fn exact_float(o: Obj) -> Option<f64> {
    if o.ty().is(&float::FLOAT_TYPE) {
        float::as_f64_exact(o)
    } else {
        None
    }
}

/// Raise the Python exception for a bigint error.
fn int_err(vm: &Vm, e: IntError, zero_msg: &str) -> crate::vm::Raised {
    match e {
        IntError::ZeroDivision => vm.zero_division(zero_msg),
        IntError::Overflow(m) => vm.overflow_error(m),
        IntError::Value(m) => vm.value_error(m),
        _ => vm.memory_error(),
    }
}

/// Call `o.name(*a)` unless the result is NotImplemented or there is none.
fn dunder(vm: &Vm, o: Obj, name: &'static str, a: &[Obj]) -> PyResult<Option<Obj>> {
    Ok(abs::call_dunder(vm, o, name, a)?.filter(|r| !r.is(obj::not_implemented())))
}

// ----------------------------------------------------------------- numbers

fn num_abs(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    if let Some(v) = o.as_small() {
        return int::new_i64(vm, (v as i64).abs()).map(Some);
    }
    if int::is_int(o) {
        let b = int::to_bigint(o).unwrap_or(BigInt::zero());
        return new_int(vm, &b.abs()).map(Some);
    }
    if let Some(f) = float::as_f64_exact(o) {
        return float::new(vm, libm::fabs(f)).map(Some);
    }
    Ok(None)
}

fn b_abs(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let o = one(vm, args, "abs")?;
    if o.ty().is_heap() {
        if let Some(r) = dunder(vm, o, "__abs__", &[])? {
            return Ok(r);
        }
    }
    if let Some(r) = num_abs(vm, o)? {
        return Ok(r);
    }
    if let Some(r) = dunder(vm, o, "__abs__", &[])? {
        return Ok(r);
    }
    Err(vm.type_error(&format!("bad operand type for abs(): '{}'", o.ty().name())))
}

/// CPython's float divmod.
fn float_divmod(vm: &Vm, x: f64, y: f64) -> PyResult<Obj> {
    if y == 0.0 {
        return Err(vm.zero_division("float divmod()"));
    }
    let mut m = libm::fmod(x, y);
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = libm::copysign(0.0, y);
    }
    let fd = if div != 0.0 {
        let f = libm::floor(div);
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        libm::copysign(0.0, x / y)
    };
    let a = float::new(vm, fd)?;
    let b = float::new(vm, m)?;
    tuple::new(vm, &[a, b])
}

fn num_divmod(vm: &Vm, a: Obj, b: Obj) -> PyResult<Option<Obj>> {
    if int::is_int(a) && int::is_int(b) {
        let (x, y) = (
            int::to_bigint(a).unwrap_or(BigInt::zero()),
            int::to_bigint(b).unwrap_or(BigInt::zero()),
        );
        let (q, r) = x
            .divmod_floor(&y)
            .map_err(|e| int_err(vm, e, "integer division or modulo by zero"))?;
        let q = new_int(vm, &q)?;
        let r = new_int(vm, &r)?;
        return tuple::new(vm, &[q, r]).map(Some);
    }
    let is_num = |o: Obj| int::is_int(o) || float::as_f64_exact(o).is_some();
    if is_num(a) && is_num(b) {
        let x = float::to_f64(vm, a)?.unwrap_or(0.0);
        let y = float::to_f64(vm, b)?.unwrap_or(0.0);
        return float_divmod(vm, x, y).map(Some);
    }
    Ok(None)
}

fn b_divmod(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let p = unpack(vm, args, "divmod", 2, 2)?;
    let (a, b) = (p[0], p[1]);
    let (ta, tb) = (a.ty(), b.ty());
    if !ta.is_heap() && !tb.is_heap() {
        if let Some(r) = num_divmod(vm, a, b)? {
            return Ok(r);
        }
    }
    let rev_first = !ta.is(tb) && tb.is_subtype(ta);
    if rev_first {
        if let Some(r) = dunder(vm, b, "__rdivmod__", &[a])? {
            return Ok(r);
        }
    }
    if let Some(r) = dunder(vm, a, "__divmod__", &[b])? {
        return Ok(r);
    }
    if !rev_first && !ta.is(tb) {
        if let Some(r) = dunder(vm, b, "__rdivmod__", &[a])? {
            return Ok(r);
        }
    }
    if let Some(r) = num_divmod(vm, a, b)? {
        return Ok(r);
    }
    Err(vm.type_error(&format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        ta.name(),
        tb.name()
    )))
}

/// `pow(base, exp, mod)` for ints.
pub fn int_pow3(vm: &Vm, b: Obj, e: Obj, m: Obj) -> PyResult<Obj> {
    let z = BigInt::zero();
    let m = int::to_bigint(m).unwrap_or(BigInt::zero());
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let b = int::to_bigint(b).unwrap_or(z.clone());
    let e = int::to_bigint(e).unwrap_or(z);
    let r = b
        .pow_mod(&e, &m)
        .map_err(|x| int_err(vm, x, "pow() 3rd argument cannot be 0"))?;
    new_int(vm, &r)
}

fn b_pow(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [base, exp, m] = args.bind(vm, "pow", ["base", "exp", "mod"], 2)?;
    let (base, exp) = (base.unwrap_or(none()), exp.unwrap_or(none()));
    let Some(m) = abs::opt(m) else {
        return abs::binary_op(vm, BinOp::Pow, base, exp, false);
    };
    let all = [base, exp, m];
    if all.iter().all(|o| exact_int(*o)) {
        return int_pow3(vm, base, exp, m);
    }
    let numeric = |o: &Obj| int::is_int(*o) || float::as_f64_exact(*o).is_some();
    if !all.iter().all(numeric) || all.iter().any(|o| o.ty().is_heap()) {
        if let Some(r) = dunder(vm, base, "__pow__", &[exp, m])? {
            return Ok(r);
        }
    }
    if all.iter().all(|o| int::is_int(*o)) {
        return int_pow3(vm, base, exp, m);
    }
    if all.iter().all(numeric) {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    Err(vm.type_error(&format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        base.ty().name(),
        exp.ty().name(),
        m.ty().name()
    )))
}

fn b_round(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [number, nd] = args.bind(vm, "round", ["number", "ndigits"], 1)?;
    let number = number.unwrap_or(none());
    let r = match abs::opt(nd) {
        None => abs::call_dunder(vm, number, "__round__", &[])?,
        Some(n) => abs::call_dunder(vm, number, "__round__", &[n])?,
    };
    r.ok_or_else(|| {
        vm.type_error(&format!(
            "type {} doesn't define __round__ method",
            number.ty().name()
        ))
    })
}

/// `bin`/`oct`/`hex`.
fn radix(vm: &Vm, args: &Args, name: &str, base: u32, prefix: &str) -> PyResult<Obj> {
    let o = one(vm, args, name)?;
    let i = abs::index(vm, o)?;
    let s = match i.as_small() {
        Some(v) => {
            let u = v.unsigned_abs();
            match base {
                2 => format!("{:b}", u),
                8 => format!("{:o}", u),
                _ => format!("{:x}", u),
            }
        }
        None => int::to_bigint(i)
            .unwrap_or(BigInt::zero())
            .abs()
            .to_str_radix(base, false),
    };
    let neg = int::to_bigint(i).map(|b| b.is_negative()).unwrap_or(false);
    vm.new_string(format!("{}{}{}", if neg { "-" } else { "" }, prefix, s))
}

fn b_bin(vm: &Vm, args: &Args) -> PyResult<Obj> {
    radix(vm, args, "bin", 2, "0b")
}
fn b_oct(vm: &Vm, args: &Args) -> PyResult<Obj> {
    radix(vm, args, "oct", 8, "0o")
}
fn b_hex(vm: &Vm, args: &Args) -> PyResult<Obj> {
    radix(vm, args, "hex", 16, "0x")
}

fn b_chr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let o = one(vm, args, "chr")?;
    let i = abs::index(vm, o)?;
    let v = int::to_i64(i)
        .filter(|v| *v >= i32::MIN as i64 && *v <= i32::MAX as i64)
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))?;
    if !(0..0x110000).contains(&v) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    // Lone surrogates cannot be stored in ferropy's UTF-8 strings.
    let c = char::from_u32(v as u32)
        .ok_or_else(|| vm.value_error("chr() arg is a surrogate (not supported)"))?;
    let mut buf = [0u8; 4];
    vm.new_str(c.encode_utf8(&mut buf))
}

fn b_ord(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let o = one(vm, args, "ord")?;
    let n = if let Some(s) = pystr::as_str(o) {
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(Obj::small(c as isize));
        }
        pystr::char_len(o)
    } else if let Some(b) = bytes::as_bytes(o) {
        if let [c] = b {
            return Ok(Obj::small(*c as isize));
        }
        b.len()
    } else if o.layout() == Layout::ByteArray {
        let n = abs::len(vm, o)?;
        if n == 1 {
            return abs::getitem(vm, o, Obj::small(0));
        }
        n
    } else {
        return Err(vm.type_error(&format!(
            "ord() expected string of length 1, but {} found",
            o.ty().name()
        )));
    };
    Err(vm.type_error(&format!(
        "ord() expected a character, but string of length {} found",
        n
    )))
}

// ------------------------------------------------------------ reductions

fn b_all(vm: &Vm, args: &Args) -> PyResult<Obj> {
    any_all(vm, args, "all", false)
}
fn b_any(vm: &Vm, args: &Args) -> PyResult<Obj> {
    any_all(vm, args, "any", true)
}
/// `any` (stop at the first true item) / `all` (first false).
fn any_all(vm: &Vm, args: &Args, name: &str, want: bool) -> PyResult<Obj> {
    let it = abs::iter(vm, one(vm, args, name)?)?;
    while let Some(x) = abs::next(vm, it)? {
        if abs::truthy(vm, x)? == want {
            return Ok(obj::py_bool(want));
        }
    }
    Ok(obj::py_bool(!want))
}

fn b_sum(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.pos.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    let [iterable, start] = args.bind(vm, "sum", ["iterable", "start"], 1)?;
    let mut result = start.unwrap_or(Obj::small(0));
    let what = if pystr::is_str(result) {
        Some("strings [use ''.join(seq) instead]")
    } else if bytes::as_bytes(result).is_some() {
        Some("bytes [use b''.join(seq) instead]")
    } else if result.layout() == Layout::ByteArray {
        Some("bytearray [use b''.join(seq) instead]")
    } else {
        None
    };
    if let Some(w) = what {
        return Err(vm.type_error(&format!("sum() can't sum {}", w)));
    }
    let it = abs::iter(vm, iterable.unwrap_or(none()))?;
    // Fast path: exact ints accumulated in an i64.
    let mut pending: Option<Obj> = None;
    if exact_int(result) {
        if let Some(mut acc) = int::to_i64(result) {
            loop {
                let Some(x) = abs::next(vm, it)? else {
                    return int::new_i64(vm, acc);
                };
                match int::to_i64(x)
                    .filter(|_| exact_int(x))
                    .and_then(|v| acc.checked_add(v))
                {
                    Some(s) => acc = s,
                    None => {
                        result = int::new_i64(vm, acc)?;
                        pending = Some(x);
                        break;
                    }
                }
            }
        }
    }
    if let Some(x) = pending.take() {
        result = abs::binary_op(vm, BinOp::Add, result, x, false)?;
    }
    // Fast path: exact floats (plain adding, as CPython 3.11).
    if let Some(mut acc) = exact_float(result) {
        loop {
            let Some(x) = abs::next(vm, it)? else {
                return float::new(vm, acc);
            };
            if let Some(f) = exact_float(x) {
                acc += f;
            } else if let Some(v) = int::to_i64(x) {
                acc += v as f64;
            } else {
                result = float::new(vm, acc)?;
                pending = Some(x);
                break;
            }
        }
    }
    if let Some(x) = pending {
        result = abs::binary_op(vm, BinOp::Add, result, x, false)?;
    }
    while let Some(x) = abs::next(vm, it)? {
        result = abs::binary_op(vm, BinOp::Add, result, x, false)?;
    }
    Ok(result)
}

fn min_max(vm: &Vm, args: &Args, op: CmpOp) -> PyResult<Obj> {
    let name = if op == CmpOp::Lt { "min" } else { "max" };
    let mut key = None;
    let mut default = None;
    for (i, v) in args.kw.iter().enumerate() {
        match pystr::as_str(args.kwname(i)) {
            Some("key") => key = Some(*v),
            Some("default") => default = Some(*v),
            k => {
                return Err(vm.type_error(&format!(
                    "'{}' is an invalid keyword argument for {}()",
                    k.unwrap_or("?"),
                    name
                )))
            }
        }
    }
    let src = match args.pos {
        [] => return Err(vm.type_error(&format!("{} expected at least 1 argument, got 0", name))),
        [one] => *one,
        many => {
            if default.is_some() {
                return Err(vm.type_error(&format!(
                    "Cannot specify a default for {}() with multiple positional arguments",
                    name
                )));
            }
            tuple::new(vm, many)?
        }
    };
    let key = abs::opt(key);
    let it = abs::iter(vm, src)?;
    let mut best: Option<(Obj, Obj)> = None;
    while let Some(x) = abs::next(vm, it)? {
        let k = match key {
            Some(f) => call::call(vm, f, &[x])?,
            None => x,
        };
        match best {
            Some((_, bk)) if !abs::compare(vm, k, bk, op)? => {}
            _ => best = Some((x, k)),
        }
    }
    match (best, default) {
        (Some((x, _)), _) => Ok(x),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(vm.value_error(&format!("{}() arg is an empty sequence", name))),
    }
}

fn b_min(vm: &Vm, args: &Args) -> PyResult<Obj> {
    min_max(vm, args, CmpOp::Lt)
}
fn b_max(vm: &Vm, args: &Args) -> PyResult<Obj> {
    min_max(vm, args, CmpOp::Gt)
}

/// Sort list `l` in place with its `sort` method, passing keywords on.
fn sort_list(vm: &Vm, l: Obj, args: &Args) -> PyResult<()> {
    let m = abs::getattr_str(vm, l, "sort")?;
    call::call_args(
        vm,
        m,
        &Args {
            pos: &[],
            kw: args.kw,
            kwnames: args.kwnames,
        },
    )?;
    Ok(())
}

fn b_sorted(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.pos.len() != 1 {
        return Err(vm.type_error(&format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    let l = abs::to_list(vm, args.pos[0])?;
    sort_list(vm, l, args)?;
    Ok(l)
}

// -------------------------------------------------------------- iteration

fn calliter_next(vm: &Vm, it: Obj) -> PyResult<Option<Obj>> {
    let Some(s) = it.downcast::<SeqIterObj>() else {
        return Ok(None);
    };
    let Some(t) = s.seq.get() else {
        return Ok(None);
    };
    let (f, sentinel) = match tuple::tuple_items(t) {
        [f, sentinel] => (*f, *sentinel),
        _ => return Ok(None),
    };
    match call::call(vm, f, &[]) {
        Ok(v) => {
            if abs::eq(vm, v, sentinel)? {
                s.seq.set(None);
                Ok(None)
            } else {
                Ok(Some(v))
            }
        }
        Err(e) => {
            if vm.exc_matches(&exc::STOP_ITERATION) {
                vm.take_exc();
                s.seq.set(None);
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

fn self_iter(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(o)
}

/// `iter(callable, sentinel)` objects; the payload's `seq` holds
/// `(callable, sentinel)` until exhausted.
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static CALLABLE_ITER_TYPE: TypeObj = TypeObj::builtin(
    "callable_iterator",
    Layout::Iter,
    Some(&obj::typeobj::OBJECT_TYPE),
    Slots {
        iter: Some(self_iter),
        iternext: Some(calliter_next),
        getattr: Some(obj::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<SeqIterObj>(),
    0,
);

/// Can `o` be called?
pub fn is_callable(o: Obj) -> bool {
    o.layout() == Layout::Function || o.ty().slots.call.is_some()
}

fn b_iter(vm: &Vm, args: &Args) -> PyResult<Obj> {
    match unpack(vm, args, "iter", 1, 2)? {
        [o] => abs::iter(vm, *o),
        p => {
            if !is_callable(p[0]) {
                return Err(vm.type_error("iter(v, w): v must be callable"));
            }
            let t = tuple::new(vm, &p[..2])?;
            vm.alloc_obj(SeqIterObj {
                head: ObjHead {
                    refcnt: crate::obj::RefCnt::new(0),
                    ty: &CALLABLE_ITER_TYPE,
                },
                seq: Cell::new(Some(t)),
                idx: Cell::new(0),
            })
        }
    }
}

fn b_next(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let p = unpack(vm, args, "next", 1, 2)?;
    let it = p[0];
    let Some(f) = it.ty().slots.iternext else {
        return Err(vm.type_error(&format!("'{}' object is not an iterator", it.ty().name())));
    };
    match (f(vm, it), p.get(1)) {
        (Ok(Some(v)), _) => Ok(v),
        (Ok(None), Some(d)) => Ok(*d),
        (Ok(None), None) => Err(vm.stop_iteration()),
        (Err(_), Some(d)) if vm.exc_matches(&exc::STOP_ITERATION) => {
            vm.take_exc();
            Ok(*d)
        }
        (Err(e), _) => Err(e),
    }
}

fn b_len(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let n = abs::len(vm, one(vm, args, "len")?)?;
    int::new_i64(vm, n as i64)
}

// ------------------------------------------------------------- attributes

fn attr_name(vm: &Vm, n: Obj) -> PyResult<Obj> {
    if pystr::is_str(n) {
        Ok(n)
    } else {
        Err(vm.type_error(&format!(
            "attribute name must be string, not '{}'",
            n.ty().name()
        )))
    }
}

fn b_getattr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let p = unpack(vm, args, "getattr", 2, 3)?;
    let n = attr_name(vm, p[1])?;
    match p.get(2) {
        None => abs::getattr(vm, p[0], n),
        Some(d) => Ok(abs::getattr_opt(vm, p[0], n)?.unwrap_or(*d)),
    }
}

fn b_hasattr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let p = unpack(vm, args, "hasattr", 2, 2)?;
    let n = attr_name(vm, p[1])?;
    Ok(obj::py_bool(abs::getattr_opt(vm, p[0], n)?.is_some()))
}

fn b_setattr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let p = unpack(vm, args, "setattr", 3, 3)?;
    let n = attr_name(vm, p[1])?;
    abs::setattr(vm, p[0], n, Some(p[2]))?;
    Ok(none())
}

fn b_delattr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let p = unpack(vm, args, "delattr", 2, 2)?;
    let n = attr_name(vm, p[1])?;
    abs::setattr(vm, p[0], n, None)?;
    Ok(none())
}

fn b_isinstance(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let p = unpack(vm, args, "isinstance", 2, 2)?;
    Ok(obj::py_bool(abs::is_instance(vm, p[0], p[1])?))
}

fn b_issubclass(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let p = unpack(vm, args, "issubclass", 2, 2)?;
    Ok(obj::py_bool(abs::is_subclass(vm, p[0], p[1])?))
}

fn b_callable(vm: &Vm, args: &Args) -> PyResult<Obj> {
    Ok(obj::py_bool(is_callable(one(vm, args, "callable")?)))
}

fn b_hash(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let h = abs::hash(vm, one(vm, args, "hash")?)?;
    int::new_i64(vm, h as i64)
}

fn b_id(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let o = one(vm, args, "id")?;
    new_int(vm, &BigInt::from_u64(o.raw() as u64))
}

fn b_repr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    abs::repr(vm, one(vm, args, "repr")?)
}

fn b_ascii(vm: &Vm, args: &Args) -> PyResult<Obj> {
    super::ascii_of(vm, one(vm, args, "ascii")?)
}

fn b_format(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let p = unpack(vm, args, "format", 1, 2)?;
    let spec = match p.get(1) {
        Some(s) if pystr::is_str(*s) => *s,
        Some(s) => {
            return Err(vm.type_error(&format!(
                "format() argument 2 must be str, not {}",
                s.ty().name()
            )))
        }
        None => vm.intern("")?,
    };
    abs::format(vm, p[0], spec)
}

// -------------------------------------------------------------- namespaces

fn cur_frame(vm: &Vm) -> PyResult<*mut Frame> {
    let f = vm.frame.get();
    if f.is_null() {
        return Err(vm.runtime_error("no current frame"));
    }
    Ok(f)
}

/// `globals()` of the running frame.
pub fn frame_globals(vm: &Vm) -> PyResult<Obj> {
    // SAFETY: cur_frame returns the live innermost frame.
    Ok(unsafe { (*cur_frame(vm)?).globals })
}

/// `locals()` of the running frame: the namespace of module and class
/// bodies, a fresh snapshot dict for function frames.
pub fn frame_locals(vm: &Vm) -> PyResult<Obj> {
    let f = cur_frame(vm)?;
    // SAFETY: live frame.
    let fr = unsafe { &*f };
    if let Some(l) = fr.locals {
        return Ok(l);
    }
    let co = fr.code();
    let fast = Frame::fast(f);
    // The values escape into the dict.
    vm.locals_read.set(vm.locals_read.get().wrapping_add(1));
    let d = dict::new(vm)?;
    let nl = co.nlocals as usize;
    for (i, name) in tuple::tuple_items(co.varnames)
        .iter()
        .enumerate()
        .take(nl.min(fr.nfast))
    {
        // SAFETY: i < nlocals <= nfast.
        if let Some(v) = unsafe { *fast.add(i) } {
            dict::set(vm, d, *name, v)?;
        }
    }
    // Cells and free variables: their contents.
    let cells = tuple::tuple_items(co.cellvars).iter();
    for (i, name) in cells
        .chain(tuple::tuple_items(co.freevars).iter())
        .enumerate()
    {
        if nl + i >= fr.nfast {
            break;
        }
        // SAFETY: nl + i < nfast.
        let c = unsafe { *fast.add(nl + i) };
        match c
            .and_then(|c| c.downcast::<obj::func::CellObj>())
            .and_then(|c| c.value.get())
        {
            Some(v) => dict::set(vm, d, *name, v)?,
            None => {
                dict::del(vm, d, *name)?;
            }
        }
    }
    Ok(d)
}

fn b_globals(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "globals")?;
    frame_globals(vm)
}

fn b_locals(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "locals")?;
    frame_locals(vm)
}

fn b_vars(vm: &Vm, args: &Args) -> PyResult<Obj> {
    match unpack(vm, args, "vars", 0, 1)? {
        [o] => abs::getattr_opt_str(vm, *o, "__dict__")?
            .ok_or_else(|| vm.type_error("vars() argument must have __dict__ attribute")),
        _ => frame_locals(vm),
    }
}

fn b_dir(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let l = match unpack(vm, args, "dir", 0, 1)? {
        [o] => {
            let r = abs::call_dunder(vm, *o, "__dir__", &[])?
                .ok_or_else(|| vm.type_error("object does not provide __dir__"))?;
            abs::to_list(vm, r)?
        }
        _ => {
            let loc = frame_locals(vm)?;
            if dict::is_dict(loc) {
                obj::list::new(vm, &dict::keys_vec(loc))?
            } else {
                let k = abs::getattr_str(vm, loc, "keys")?;
                let ks = call::call(vm, k, &[])?;
                abs::to_list(vm, ks)?
            }
        }
    };
    sort_list(vm, l, &Args::EMPTY)?;
    Ok(l)
}

// ------------------------------------------------------- running source

/// Text of a source argument (str or bytes).
fn source_text(o: Obj) -> Option<&'static str> {
    pystr::as_str(o).or_else(|| bytes::as_bytes(o).and_then(|b| core::str::from_utf8(b).ok()))
}

/// Compile `text`, rejecting NUL bytes as CPython does.
fn compile_text(vm: &Vm, text: &str, filename: &str, mode: crate::compile::Mode) -> PyResult<Obj> {
    if text.contains('\0') {
        return Err(vm.new_error(
            &exc::SYNTAX_ERROR,
            "source code string cannot contain null bytes",
        ));
    }
    vm.compile(text, filename, mode)
}

/// `eval` (`is_eval`) and `exec`.
fn run_code(vm: &Vm, args: &Args, is_eval: bool) -> PyResult<Obj> {
    let name = if is_eval { "eval" } else { "exec" };
    let p = if is_eval {
        unpack(vm, args, name, 1, 3)?
    } else {
        for i in 0..args.kw.len() {
            let k = pystr::as_str(args.kwname(i)).unwrap_or("?");
            if k != "closure" {
                return Err(vm.type_error(&format!(
                    "exec() got an unexpected keyword argument '{}'",
                    k
                )));
            }
        }
        let n = args.pos.len();
        if n == 0 || n > 3 {
            let (how, k) = if n == 0 {
                ("at least", 1)
            } else {
                ("at most", 3)
            };
            return Err(vm.type_error(&format!(
                "exec() takes {} {} positional argument{} ({} given)",
                how,
                k,
                plural(k),
                n
            )));
        }
        args.pos
    };
    let g = p.get(1).copied().and_then(|o| abs::opt(Some(o)));
    let l = p.get(2).copied().and_then(|o| abs::opt(Some(o)));
    if let Some(g) = g {
        if !dict::is_dict(g) {
            return Err(vm.type_error(&if is_eval {
                String::from("globals must be a dict")
            } else {
                format!("exec() globals must be a dict, not {}", g.ty().name())
            }));
        }
    }
    if let Some(l) = l {
        if l.ty().slots.getitem.is_none() {
            return Err(vm.type_error(&if is_eval {
                String::from("locals must be a mapping")
            } else {
                format!("locals must be a mapping or None, not {}", l.ty().name())
            }));
        }
    }
    let (g, l) = match g {
        Some(g) => (g, l.unwrap_or(g)),
        None => (
            frame_globals(vm)?,
            match l {
                Some(l) => l,
                None => frame_locals(vm)?,
            },
        ),
    };
    let src = p[0];
    let code = if src.layout() == Layout::Code {
        src
    } else {
        let Some(text) = source_text(src) else {
            return Err(vm.type_error(&format!(
                "{}() arg 1 must be a string, bytes or code object",
                name
            )));
        };
        if is_eval {
            compile_text(
                vm,
                text.trim_start_matches([' ', '\t']),
                "<string>",
                crate::compile::Mode::Eval,
            )?
        } else {
            compile_text(vm, text, "<string>", crate::compile::Mode::Exec)?
        }
    };
    let r = vm.exec_code(code, g, Some(l))?;
    Ok(if is_eval { r } else { none() })
}

fn b_eval(vm: &Vm, args: &Args) -> PyResult<Obj> {
    run_code(vm, args, true)
}
fn b_exec(vm: &Vm, args: &Args) -> PyResult<Obj> {
    run_code(vm, args, false)
}

fn b_compile(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [src, filename, mode, flags, _, _, _] = args.bind(
        vm,
        "compile",
        [
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
    )?;
    let (src, filename, mode) = (
        src.unwrap_or(none()),
        filename.unwrap_or(none()),
        mode.unwrap_or(none()),
    );
    let text = source_text(src)
        .ok_or_else(|| vm.type_error("compile() arg 1 must be a string, bytes or AST object"))?;
    let fname = source_text(filename).ok_or_else(|| {
        vm.type_error(&format!(
            "expected str, bytes or os.PathLike object, not {}",
            filename.ty().name()
        ))
    })?;
    let m = match pystr::as_str(mode) {
        Some("exec") => crate::compile::Mode::Exec,
        Some("eval") => crate::compile::Mode::Eval,
        Some("single") => crate::compile::Mode::Single,
        Some(_) => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
        None => {
            return Err(vm.type_error(&format!(
                "compile() argument 'mode' must be str, not {}",
                mode.ty().name()
            )))
        }
    };
    if let Some(f) = flags {
        // Only the no-op future/parser flags are accepted (no AST support).
        if abs::index_isize(vm, f)? & !0x3e000 != 0 {
            return Err(vm.value_error("compile(): unrecognised flags"));
        }
    }
    compile_text(vm, text, fname, m)
}

fn b_import(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [name, globals, _, fromlist, level] = args.bind(
        vm,
        "__import__",
        ["name", "globals", "locals", "fromlist", "level"],
        1,
    )?;
    let name = name.unwrap_or(none());
    if !pystr::is_str(name) {
        return Err(vm.type_error("module name must be a string"));
    }
    let level = match level {
        Some(l) => Obj::small(abs::index_isize(vm, l)?),
        None => Obj::small(0),
    };
    crate::vm::import::import_name(
        vm,
        name,
        globals.unwrap_or(none()),
        fromlist.unwrap_or(none()),
        level,
    )
}

// ------------------------------------------------------------ interaction

fn b_input(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let p = unpack(vm, args, "input", 0, 1)?;
    if let Some(prompt) = p.first() {
        let s = abs::str(vm, *prompt)?;
        vm.write_stdout(pystr::as_str(s).unwrap_or(""))?;
    }
    crate::modules::sys::flush_stdout(vm)?;
    let eof = || vm.new_error(&exc::EOF_ERROR, "EOF when reading a line");
    if let Some(stdin) = crate::modules::sys::sys_attr(vm, "stdin")? {
        if !stdin.ty().is(&crate::modules::sys::STREAM_TYPE) {
            let rl = abs::getattr_str(vm, stdin, "readline")?;
            let line = call::call(vm, rl, &[])?;
            let s = pystr::as_str(line)
                .ok_or_else(|| vm.type_error("object.readline() returned non-string"))?;
            if s.is_empty() {
                return Err(eof());
            }
            return vm.new_str(s.strip_suffix('\n').unwrap_or(s));
        }
    }
    let mut buf = alloc::vec::Vec::new();
    match vm.port.read_line(&mut buf) {
        Some(()) => vm.new_string(String::from_utf8_lossy(&buf).into_owned()),
        None => Err(eof()),
    }
}

fn b_help(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let p = unpack(vm, args, "help", 0, 1)?;
    let Some(o) = p.first() else {
        vm.write_stdout("Type help(object) for help about object.\n")?;
        return Ok(none());
    };
    if pystr::as_str(*o) == Some("modules") {
        return help_modules(vm);
    }
    let doc = abs::getattr_opt_str(vm, *o, "__doc__")?
        .and_then(pystr::as_str)
        .unwrap_or("No documentation.");
    let r = abs::repr_string(vm, *o)?;
    vm.write_stdout(&format!("Help on {}:\n\n{}\n", r, doc))?;
    Ok(none())
}

/// `help('modules')`, as MicroPython prints it: the native and frozen
/// modules of this build (a firmware's may be a subset: docs/firmware.md),
/// four to a line, sorted.
fn help_modules(vm: &Vm) -> PyResult<Obj> {
    let mut names: alloc::vec::Vec<&str> = crate::modules::builtin_names()
        .chain(crate::modules::frozen::names())
        .collect();
    names.sort_unstable();
    names.dedup();
    let mut out = String::new();
    for (i, n) in names.iter().enumerate() {
        out.push_str(n);
        if i % 4 == 3 || i + 1 == names.len() {
            out.push('\n');
        } else {
            for _ in 0..20usize.saturating_sub(n.len()).max(1) {
                out.push(' ');
            }
        }
    }
    out.push_str("Plus any modules on the filesystem\n");
    vm.write_stdout(&out)?;
    Ok(none())
}

/// `breakpoint()`: there is no debugger, so it does nothing.
fn b_breakpoint(_vm: &Vm, _args: &Args) -> PyResult<Obj> {
    Ok(none())
}

/// Builtin functions defined here.
pub static BUILTINS: [AttrEntry; 44] = [
    function!("abs", b_abs),
    function!("all", b_all),
    function!("any", b_any),
    function!("ascii", b_ascii),
    function!("bin", b_bin),
    function!("breakpoint", b_breakpoint),
    function!("callable", b_callable),
    function!("chr", b_chr),
    function!("compile", b_compile),
    function!("delattr", b_delattr),
    function!("dir", b_dir),
    function!("divmod", b_divmod),
    function!("eval", b_eval),
    function!("exec", b_exec),
    AttrEntry {
        name: "exit",
        obj: crate::obj::attr::StaticObj(&crate::obj::attr::EXIT.head),
    },
    function!("format", b_format),
    function!("getattr", b_getattr),
    function!("globals", b_globals),
    function!("hasattr", b_hasattr),
    function!("hash", b_hash),
    function!("help", b_help),
    function!("hex", b_hex),
    function!("id", b_id),
    function!("input", b_input),
    function!("isinstance", b_isinstance),
    function!("issubclass", b_issubclass),
    function!("iter", b_iter),
    function!("len", b_len),
    function!("locals", b_locals),
    function!("max", b_max),
    function!("min", b_min),
    function!("next", b_next),
    function!("oct", b_oct),
    function!("open", crate::modules::io::io_open),
    function!("ord", b_ord),
    function!("pow", b_pow),
    AttrEntry {
        name: "quit",
        obj: crate::obj::attr::StaticObj(&crate::obj::attr::QUIT.head),
    },
    function!("repr", b_repr),
    function!("round", b_round),
    function!("setattr", b_setattr),
    function!("sorted", b_sorted),
    function!("sum", b_sum),
    function!("vars", b_vars),
    function!("__import__", b_import),
];
