//! `float`: boxed `f64`.

use super::attr::AttrEntry;
use super::intmethods::{self as im, self_arg, text_err, K_FLOAT};
use super::{
    int, not_implemented, py_bool, Args, BinOp, CmpOp, Layout, Obj, ObjHead, PyPayload, Slots,
    TypeObj, UnOp,
};
use crate::bigint::BigInt;
use crate::vm::{abs, call, PyResult, Raised, Vm};
use crate::{classmethod, getset, method};
use alloc::format;

#[repr(C)]
pub struct FloatObj {
    pub head: ObjHead,
    pub value: f64,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for FloatObj {
    const LAYOUT: Layout = Layout::Float;
}

pub fn new(vm: &Vm, v: f64) -> PyResult<Obj> {
    vm.alloc_obj(FloatObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &FLOAT_TYPE,
        },
        value: v,
    })
}

/// The value of a float (or subclass) object.
#[inline]
pub fn as_f64_exact(o: Obj) -> Option<f64> {
    o.downcast::<FloatObj>().map(|f| f.value)
}

/// The value of an object whose type is exactly `float`.
#[inline]
pub fn as_exact_float(o: Obj) -> Option<f64> {
    if !o.is_small() && core::ptr::eq(o.ty(), &FLOAT_TYPE) {
        o.downcast::<FloatObj>().map(|f| f.value)
    } else {
        None
    }
}

/// A float or int as f64 (for mixed arithmetic); `None` for other types.
pub fn to_f64(vm: &Vm, o: Obj) -> PyResult<Option<f64>> {
    if let Some(f) = as_f64_exact(o) {
        return Ok(Some(f));
    }
    if let Some(v) = o.as_small() {
        return Ok(Some(v as f64));
    }
    if int::is_int(o) {
        let b = int::to_bigint(o).unwrap_or(BigInt::zero());
        return b
            .to_f64()
            .map(Some)
            .map_err(|_| vm.overflow_error("int too large to convert to float"));
    }
    Ok(None)
}

/// Any real number (float, int, or an object with `__float__`/`__index__`)
/// as f64, as CPython's `PyFloat_AsDouble`; TypeError "must be real number,
/// not X" otherwise.
pub fn real_arg(vm: &Vm, o: Obj) -> PyResult<f64> {
    if let Some(f) = to_f64(vm, o)? {
        return Ok(f);
    }
    let t = o.ty();
    if let Some(f) = t.slots.float {
        let r = f(vm, o)?;
        return as_f64_exact(r).ok_or_else(|| {
            vm.type_error(&format!(
                "{}.__float__ returned non-float (type {})",
                t.name(),
                r.ty().name()
            ))
        });
    }
    if t.slots.index.is_some() {
        let i = abs::index(vm, o)?;
        return Ok(to_f64(vm, i)?.unwrap_or(0.0));
    }
    Err(vm.type_error(&format!("must be real number, not {}", t.name())))
}

/// `OverflowError(34, 'Numerical result out of range')`.
pub fn range_error(vm: &Vm) -> Raised {
    let args = vm
        .new_str("Numerical result out of range")
        .map(|m| [Obj::small(34), m]);
    match args.and_then(|a| super::exc::new_exception_raw(vm, &super::exc::OVERFLOW_ERROR, &a)) {
        Ok(e) => vm.raise(e),
        Err(r) => r,
    }
}

/// `int(i) <op> f`, exactly.
pub fn cmp_int_float(i: Obj, f: f64, op: CmpOp) -> bool {
    use core::cmp::Ordering;
    if f.is_nan() {
        return op == CmpOp::Ne;
    }
    if f.is_infinite() {
        return op.test(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let Some(v) = i
        .as_small()
        .filter(|v| (*v as i64).unsigned_abs() <= 1u64 << 53)
    {
        let x = v as f64;
        return op.test(x.partial_cmp(&f).unwrap_or(Ordering::Equal));
    }
    let x = im::big_of(i);
    let fl = libm::floor(f);
    let fi = BigInt::from_f64(fl).unwrap_or(BigInt::zero());
    let ord = match x.cmp(&fi) {
        Ordering::Equal if fl < f => Ordering::Less,
        o => o,
    };
    op.test(ord)
}

fn is_odd_integer(x: f64) -> bool {
    libm::fmod(libm::fabs(x), 2.0) == 1.0
}

/// `x ** y` for floats, CPython's `float_pow` (a negative base with a
/// fractional exponent gives a complex result).
pub fn float_pow(vm: &Vm, x: f64, y: f64) -> PyResult<Obj> {
    if y == 0.0 {
        return new(vm, 1.0);
    }
    if x.is_nan() {
        return new(vm, x);
    }
    if y.is_nan() {
        return new(vm, if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let a = libm::fabs(x);
        return new(
            vm,
            if a == 1.0 {
                1.0
            } else if (y > 0.0) == (a > 1.0) {
                f64::INFINITY
            } else {
                0.0
            },
        );
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return new(
            vm,
            match (y > 0.0, odd) {
                (true, true) => x,
                (true, false) => libm::fabs(x),
                (false, true) => libm::copysign(0.0, x),
                (false, false) => 0.0,
            },
        );
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
        }
        return new(vm, if is_odd_integer(y) { x } else { 0.0 });
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != libm::floor(y) {
            return super::complex::complex_pow(vm, (x, 0.0), (y, 0.0));
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return new(vm, if negate { -1.0 } else { 1.0 });
    }
    let r = libm::pow(base, y);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    new(vm, if negate { -r } else { r })
}

/// CPython's float `divmod`: `(floor quotient, remainder)`; `y != 0`.
pub fn fdivmod(x: f64, y: f64) -> (f64, f64) {
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
    (fd, m)
}

/// Both operands as floats for mixed arithmetic, or `None`.
fn operands(vm: &Vm, a: Obj, b: Obj) -> PyResult<Option<(f64, f64)>> {
    let ok = |o: Obj| as_f64_exact(o).is_some() || int::is_int(o);
    if !ok(a) || !ok(b) {
        return Ok(None);
    }
    Ok(Some((
        to_f64(vm, a)?.unwrap_or(0.0),
        to_f64(vm, b)?.unwrap_or(0.0),
    )))
}

/// `divmod(a, b)` with a float operand.
pub fn float_divmod(vm: &Vm, a: Obj, b: Obj) -> PyResult<Obj> {
    let Some((x, y)) = operands(vm, a, b)? else {
        return Ok(not_implemented());
    };
    if y == 0.0 {
        return Err(vm.zero_division("float divmod()"));
    }
    let (d, m) = fdivmod(x, y);
    let d = new(vm, d)?;
    let m = new(vm, m)?;
    super::tuple::new(vm, &[d, m])
}

fn float_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, _inplace: bool) -> PyResult<Obj> {
    let Some((x, y)) = operands(vm, a, b)? else {
        return Ok(not_implemented());
    };
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(vm.zero_division("float floor division by zero"));
            }
            fdivmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(vm.zero_division("float modulo"));
            }
            fdivmod(x, y).1
        }
        BinOp::Pow => return float_pow(vm, x, y),
        _ => return Ok(not_implemented()),
    };
    new(vm, r)
}

fn float_unary(vm: &Vm, op: UnOp, o: Obj) -> PyResult<Obj> {
    let x = as_f64_exact(o).unwrap_or(0.0);
    match op {
        UnOp::Neg => new(vm, -x),
        UnOp::Pos => new(vm, x),
        UnOp::Invert => Err(vm.type_error("bad operand type for unary ~: 'float'")),
    }
}

fn float_cmp(_vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    let Some(x) = as_f64_exact(a) else {
        return Ok(not_implemented());
    };
    if let Some(y) = as_f64_exact(b) {
        return Ok(py_bool(match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        }));
    }
    if int::is_int(b) {
        return Ok(py_bool(cmp_int_float(b, x, op.swapped())));
    }
    Ok(not_implemented())
}

fn float_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    vm.new_string(crate::text::float_repr(as_f64_exact(o).unwrap_or(0.0)))
}

/// `hash(x)` of a float value (NaN: the object's identity).
pub fn hash_value(x: f64, o: Obj) -> isize {
    if x.is_nan() {
        return (o.raw() >> 4) as isize;
    }
    crate::bigint::hash_f64(x, int::HASH_BITS) as isize
}

fn float_hash(_vm: &Vm, o: Obj) -> PyResult<isize> {
    Ok(hash_value(as_f64_exact(o).unwrap_or(0.0), o))
}

fn float_bool(_vm: &Vm, o: Obj) -> PyResult<bool> {
    Ok(as_f64_exact(o).unwrap_or(0.0) != 0.0)
}

fn parse_text(vm: &Vm, s: &str, o: Obj) -> PyResult<f64> {
    crate::text::parse_float(s).ok_or_else(|| match abs::repr_string(vm, o) {
        Ok(r) => vm.value_error(&format!("could not convert string to float: {}", r)),
        Err(e) => e,
    })
}

/// `float(x)` for one argument (CPython's `PyNumber_Float`).
pub fn float_from_obj(vm: &Vm, x: Obj) -> PyResult<f64> {
    if let Some(f) = as_f64_exact(x) {
        if x.ty().is(&FLOAT_TYPE) {
            return Ok(f);
        }
    }
    let t = x.ty();
    if let Some(f) = t.slots.float {
        let r = f(vm, x)?;
        return as_f64_exact(r).ok_or_else(|| {
            vm.type_error(&format!(
                "{}.__float__ returned non-float (type {})",
                t.name(),
                r.ty().name()
            ))
        });
    }
    if t.slots.index.is_some() {
        let i = abs::index(vm, x)?;
        return Ok(to_f64(vm, i)?.unwrap_or(0.0));
    }
    if let Some(s) = super::str::as_str(x) {
        return parse_text(vm, s, x);
    }
    if let Some(b) = im::bytes_like(x) {
        return parse_text(vm, core::str::from_utf8(b).unwrap_or("\u{0}"), x);
    }
    Err(vm.type_error(&format!(
        "float() argument must be a string or a real number, not '{}'",
        t.name()
    )))
}

fn float_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    if args.pos.len() > 1 {
        return Err(vm.type_error(&format!(
            "float expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    let v = match args.pos.first() {
        None => 0.0,
        Some(x) => {
            if t.is(&FLOAT_TYPE) && x.ty().is(&FLOAT_TYPE) {
                return Ok(*x);
            }
            float_from_obj(vm, *x)?
        }
    };
    if t.is(&FLOAT_TYPE) {
        return new(vm, v);
    }
    vm.alloc_obj_sized(
        FloatObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            value: v,
        },
        t.basicsize,
    )
}

/// An int for a float value (truncated); errors for NaN and infinities.
pub fn f64_to_int(vm: &Vm, x: f64) -> PyResult<Obj> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if libm::fabs(x) < 1e18 {
        return int::new_i64(vm, x as i64);
    }
    match BigInt::from_f64(x) {
        Some(b) => int::from_bigint(vm, &b),
        None => Err(vm.overflow_error("cannot convert float infinity to integer")),
    }
}

fn float_int(vm: &Vm, o: Obj) -> PyResult<Obj> {
    f64_to_int(vm, as_f64_exact(o).unwrap_or(0.0))
}

fn float_float(vm: &Vm, o: Obj) -> PyResult<Obj> {
    if o.ty().is(&FLOAT_TYPE) {
        return Ok(o);
    }
    new(vm, as_f64_exact(o).unwrap_or(0.0))
}

// ------------------------------------------------------------ methods

fn self_f(vm: &Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<f64> {
    Ok(as_f64_exact(self_arg(vm, args, K_FLOAT, name, min, max)?).unwrap_or(0.0))
}

fn m_is_integer(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = self_f(vm, args, "is_integer", 1, 1)?;
    Ok(py_bool(x.is_finite() && libm::floor(x) == x))
}

fn m_as_integer_ratio(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = self_f(vm, args, "as_integer_ratio", 1, 1)?;
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (mut m, mut e) = libm::frexp(x);
    let mut i = 0;
    while m != libm::floor(m) && i < 300 {
        m *= 2.0;
        e -= 1;
        i += 1;
    }
    let mut num = BigInt::from_f64(m).unwrap_or(BigInt::zero());
    let mut den = BigInt::one();
    if e > 0 {
        num = num.shl(e as u64).map_err(|e| im::int_err(vm, e, ""))?;
    } else {
        den = den.shl((-e) as u64).map_err(|e| im::int_err(vm, e, ""))?;
    }
    let n = int::from_bigint(vm, &num)?;
    let d = int::from_bigint(vm, &den)?;
    super::tuple::new(vm, &[n, d])
}

fn m_hex(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = self_f(vm, args, "hex", 1, 1)?;
    vm.new_string(crate::text::float_hex(x))
}

/// `float.__getformat__('double' | 'float')`: the storage format.
fn m_getformat(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__getformat__", 2, 2)?;
    let s = super::str::as_str(args.pos[1]).ok_or_else(|| {
        vm.type_error(&format!(
            "__getformat__() argument must be str, not {}",
            args.pos[1].ty().name()
        ))
    })?;
    if s != "double" && s != "float" {
        return Err(vm.new_error(
            &super::exc::VALUE_ERROR,
            "__getformat__() argument 1 must be 'double' or 'float'",
        ));
    }
    vm.new_str(if cfg!(target_endian = "little") {
        "IEEE, little-endian"
    } else {
        "IEEE, big-endian"
    })
}

fn m_fromhex(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.pos.len() != 2 || args.has_kw() {
        return Err(vm.type_error(&format!(
            "float.fromhex() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    }
    let s = super::str::as_str(args.pos[1]).ok_or_else(|| {
        vm.type_error(&format!(
            "fromhex() argument must be str, not {}",
            args.pos[1].ty().name()
        ))
    })?;
    let v = crate::text::float_fromhex(s).map_err(|e| text_err(vm, e))?;
    let r = new(vm, v)?;
    if args.pos[0].is(FLOAT_TYPE.as_obj()) {
        Ok(r)
    } else {
        call::call(vm, args.pos[0], &[r])
    }
}

fn m_conjugate(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = self_f(vm, args, "conjugate", 1, 1)?;
    new(vm, x)
}

fn m_abs(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = self_f(vm, args, "__abs__", 1, 1)?;
    new(vm, libm::fabs(x))
}

/// `__trunc__` (W=0), `__floor__` (1), `__ceil__` (2).
fn m_to_int<const W: u8>(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = self_f(
        vm,
        args,
        ["__trunc__", "__floor__", "__ceil__"][W as usize % 3],
        1,
        1,
    )?;
    f64_to_int(
        vm,
        match W {
            0 => x,
            1 => libm::floor(x),
            _ => libm::ceil(x),
        },
    )
}

/// Round half to even to an integral float.
pub fn round_half_even(x: f64) -> f64 {
    let r = libm::round(x);
    if libm::fabs(x - r) == 0.5 {
        2.0 * libm::round(x / 2.0)
    } else {
        r
    }
}

fn m_round(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = self_f(vm, args, "__round__", 1, 2)?;
    let Some(nd) = args.pos.get(1).copied().filter(|n| !n.is_none()) else {
        return f64_to_int(vm, round_half_even(x));
    };
    let n = abs::index(vm, nd)?;
    let n = match int::to_i64(n) {
        Some(n) => n,
        None => {
            if im::big_of(n).is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    let r = crate::text::round_f64(x, n).map_err(|e| text_err(vm, e))?;
    new(vm, r)
}

fn m_format(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = self_arg(vm, args, K_FLOAT, "__format__", 2, 2)?;
    let spec = im::spec_arg(vm, args.pos[1])?;
    if spec.is_empty() {
        return abs::str(vm, s);
    }
    let sp = crate::text::parse_spec(spec, s.ty().name()).map_err(|e| text_err(vm, e))?;
    let r = crate::text::format_float(as_f64_exact(s).unwrap_or(0.0), &sp)
        .map_err(|e| text_err(vm, e))?;
    vm.new_string(r)
}

fn m_sizeof(vm: &Vm, args: &Args) -> PyResult<Obj> {
    self_f(vm, args, "__sizeof__", 1, 1)?;
    Ok(Obj::small(24))
}

fn g_real(vm: &Vm, o: Obj) -> PyResult<Obj> {
    float_float(vm, o)
}
fn g_imag(vm: &Vm, _o: Obj) -> PyResult<Obj> {
    new(vm, 0.0)
}

pub const FLOAT_SLOTS: Slots = Slots {
    repr: Some(float_repr),
    hash: Some(float_hash),
    richcmp: Some(float_cmp),
    num: Some(float_num),
    unary: Some(float_unary),
    bool: Some(float_bool),
    new: Some(float_new),
    int: Some(float_int),
    float: Some(float_float),
    getattr: Some(super::typeobj::generic_getattr),
    ..Slots::EMPTY
};

static FLOAT_ATTRS: [AttrEntry; 46] = crate::num_attrs!(K_FLOAT; [
    classmethod!("__getformat__", m_getformat),
    method!("is_integer", m_is_integer),
    method!("as_integer_ratio", m_as_integer_ratio),
    method!("hex", m_hex),
    classmethod!("fromhex", m_fromhex),
    method!("conjugate", m_conjugate),
    getset!("real", g_real),
    getset!("imag", g_imag),
    method!("__abs__", m_abs),
    method!("__int__", im::misc_dunder::<K_FLOAT, 3>),
    method!("__float__", im::misc_dunder::<K_FLOAT, 4>),
    method!("__trunc__", m_to_int::<0>),
    method!("__floor__", m_to_int::<1>),
    method!("__ceil__", m_to_int::<2>),
    method!("__round__", m_round),
    method!("__format__", m_format),
    method!("__sizeof__", m_sizeof),
    method!("__divmod__", im::divmod_dunder::<K_FLOAT, false>),
    method!("__rdivmod__", im::divmod_dunder::<K_FLOAT, true>),
];
    (Add, "__add__", "__radd__"),
    (Sub, "__sub__", "__rsub__"),
    (Mul, "__mul__", "__rmul__"),
    (TrueDiv, "__truediv__", "__rtruediv__"),
    (FloorDiv, "__floordiv__", "__rfloordiv__"),
    (Mod, "__mod__", "__rmod__"),
    (Pow, "__pow__", "__rpow__"),
);

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static FLOAT_TYPE: TypeObj = TypeObj::builtin(
    "float",
    Layout::Float,
    Some(&super::typeobj::OBJECT_TYPE),
    FLOAT_SLOTS,
    &FLOAT_ATTRS,
    core::mem::size_of::<FloatObj>(),
    super::tpflags::BASETYPE,
);

/// Builtin names provided by this module (float, complex).
pub static BUILTINS: [AttrEntry; 2] = [
    crate::constant!("float", FLOAT_TYPE),
    crate::constant!("complex", super::complex::COMPLEX_TYPE),
];
