//! `float`: boxed `f64`.

use super::attr::AttrEntry;
use super::{int, not_implemented, py_bool, Args, BinOp, CmpOp, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj, UnOp};
use crate::bigint::BigInt;
use crate::vm::{abs, PyResult, Vm};
use core::cell::Cell;

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
    vm.alloc_obj(FloatObj { head: ObjHead { refcnt: Cell::new(0), ty: &FLOAT_TYPE }, value: v })
}

/// The value of a float (or subclass) object.
#[inline]
pub fn as_f64_exact(o: Obj) -> Option<f64> {
    o.downcast::<FloatObj>().map(|f| f.value)
}

/// A float or int as f64 (for mixed arithmetic).
pub fn to_f64(vm: &Vm, o: Obj) -> PyResult<Option<f64>> {
    if let Some(f) = as_f64_exact(o) {
        return Ok(Some(f));
    }
    if let Some(v) = o.as_small() {
        return Ok(Some(v as f64));
    }
    if int::is_int(o) {
        let b = int::to_bigint(o).unwrap_or(BigInt::zero());
        return b.to_f64().map(Some).map_err(|_| vm.overflow_error("int too large to convert to float"));
    }
    Ok(None)
}

/// Compare an exact int with a float.
pub fn cmp_int_float(x: &BigInt, f: f64, op: CmpOp) -> bool {
    if f.is_nan() {
        return op == CmpOp::Ne;
    }
    if f.is_infinite() {
        return op.test(if f > 0.0 { core::cmp::Ordering::Less } else { core::cmp::Ordering::Greater });
    }
    let fi = BigInt::from_f64(libm::floor(f)).unwrap_or(BigInt::zero());
    let ord = match x.cmp(&fi) {
        core::cmp::Ordering::Equal => {
            if libm::floor(f) < f {
                core::cmp::Ordering::Less
            } else {
                core::cmp::Ordering::Equal
            }
        }
        o => o,
    };
    op.test(ord)
}

fn float_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, _inplace: bool) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (to_f64(vm, a)?, to_f64(vm, b)?) else { return Ok(not_implemented()) };
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
            libm::floor(x / y)
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(vm.zero_division("float modulo"));
            }
            let m = libm::fmod(x, y);
            if m != 0.0 && ((m < 0.0) != (y < 0.0)) {
                m + y
            } else if m == 0.0 {
                libm::copysign(0.0, y)
            } else {
                m
            }
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
            }
            libm::pow(x, y)
        }
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

fn float_cmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    let Some(x) = as_f64_exact(a) else { return Ok(not_implemented()) };
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
        let bi = int::to_bigint(b).unwrap_or(BigInt::zero());
        return Ok(py_bool(cmp_int_float(&bi, x, op.swapped())));
    }
    let _ = vm;
    Ok(not_implemented())
}

fn float_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    vm.new_string(crate::text::float_repr(as_f64_exact(o).unwrap_or(0.0)))
}

fn float_hash(_vm: &Vm, o: Obj) -> PyResult<isize> {
    let x = as_f64_exact(o).unwrap_or(0.0);
    if x.is_nan() {
        return Ok((o.raw() >> 4) as isize);
    }
    Ok(crate::bigint::hash_f64(x, int::HASH_BITS) as isize)
}

fn float_bool(_vm: &Vm, o: Obj) -> PyResult<bool> {
    Ok(as_f64_exact(o).unwrap_or(0.0) != 0.0)
}

fn float_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    args.check(vm, "float", 0, 1)?;
    let v = match args.pos.first() {
        None => 0.0,
        Some(x) => {
            if let Some(f) = to_f64(vm, *x)? {
                f
            } else if let Some(s) = super::str::as_str(*x) {
                crate::text::parse_float(s).ok_or_else(|| {
                    vm.value_error(&alloc::format!(
                        "could not convert string to float: {}",
                        abs::repr_string(vm, *x).unwrap_or_default()
                    ))
                })?
            } else if let Some(f) = x.ty().slots.float {
                let r = f(vm, *x)?;
                as_f64_exact(r).ok_or_else(|| vm.type_error("__float__ returned non-float"))?
            } else if let Some(f) = x.ty().slots.index {
                let r = f(vm, *x)?;
                to_f64(vm, r)?.unwrap_or(0.0)
            } else {
                return Err(vm.type_error(&alloc::format!(
                    "float() argument must be a string or a real number, not '{}'",
                    x.ty().name()
                )));
            }
        }
    };
    vm.alloc_obj_sized(FloatObj { head: ObjHead { refcnt: Cell::new(0), ty: t }, value: v }, t.basicsize)
}

fn float_int(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let x = as_f64_exact(o).unwrap_or(0.0);
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    match BigInt::from_f64(x) {
        Some(b) => int::from_bigint(vm, &b),
        None => Err(vm.overflow_error("cannot convert float infinity to integer")),
    }
}

fn float_float(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(o)
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

static FLOAT_ATTRS: [AttrEntry; 0] = [];

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
pub static BUILTINS: [AttrEntry; 2] = [crate::constant!("float", FLOAT_TYPE), crate::constant!("complex", super::complex::COMPLEX_TYPE)];
