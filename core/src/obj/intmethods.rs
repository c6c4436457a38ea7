//! Methods and slots of `int` and `bool`.

use super::attr::AttrEntry;
use super::int::{self, to_bigint, IntRef};
use super::{none, not_implemented, py_bool, str as pystr, Args, BinOp, CmpOp, Obj, Slots, TypeObj, UnOp};
use crate::bigint::{BigInt, IntError};
use crate::vm::{abs, PyResult, Vm};

fn int_err(vm: &Vm, e: IntError, op: &str) -> crate::vm::Raised {
    match e {
        IntError::ZeroDivision => vm.zero_division(match op {
            "/" => "division by zero",
            "%" => "integer modulo by zero",
            "//" => "integer division or modulo by zero",
            _ => "integer division or modulo by zero",
        }),
        IntError::Overflow(m) => vm.overflow_error(m),
        IntError::Value(m) => vm.value_error(m),
        IntError::Memory => vm.memory_error(),
    }
}

fn big(o: Obj) -> Option<BigInt> {
    to_bigint(o)
}

fn int_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, _inplace: bool) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (big(a), big(b)) else { return Ok(not_implemented()) };
    let r = match op {
        BinOp::Add => x.add(&y),
        BinOp::Sub => x.sub(&y),
        BinOp::Mul => x.mul(&y),
        BinOp::FloorDiv => x.div_floor(&y).map_err(|e| int_err(vm, e, "//"))?,
        BinOp::Mod => x.mod_floor(&y).map_err(|e| int_err(vm, e, "%"))?,
        BinOp::And => x.and(&y),
        BinOp::Or => x.or(&y),
        BinOp::Xor => x.xor(&y),
        BinOp::LShift => x.shl_by(&y).map_err(|e| int_err(vm, e, "<<"))?,
        BinOp::RShift => x.shr_by(&y).map_err(|e| int_err(vm, e, ">>"))?,
        BinOp::TrueDiv => {
            let f = BigInt::true_div(&x, &y).map_err(|e| int_err(vm, e, "/"))?;
            return super::float::new(vm, f);
        }
        BinOp::Pow => {
            if y.is_negative() {
                let xf = x.to_f64().map_err(|e| int_err(vm, e, "**"))?;
                let yf = y.to_f64().map_err(|e| int_err(vm, e, "**"))?;
                if xf == 0.0 {
                    return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
                }
                return super::float::new(vm, libm::pow(xf, yf));
            }
            x.pow(&y).map_err(|e| int_err(vm, e, "**"))?
        }
        BinOp::MatMul => return Ok(not_implemented()),
    };
    int::from_bigint(vm, &r)
}

fn int_unary(vm: &Vm, op: UnOp, o: Obj) -> PyResult<Obj> {
    let x = big(o).ok_or_else(|| vm.type_error("int expected"))?;
    let r = match op {
        UnOp::Neg => x.neg(),
        UnOp::Pos => x,
        UnOp::Invert => x.not(),
    };
    int::from_bigint(vm, &r)
}

fn int_cmp(_vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    if let (Some(IntRef::Small(x)), Some(IntRef::Small(y))) = (int::int_ref(a), int::int_ref(b)) {
        return Ok(py_bool(op.test(x.cmp(&y))));
    }
    match (big(a), big(b)) {
        (Some(x), Some(y)) => Ok(py_bool(op.test(x.cmp(&y)))),
        _ => {
            if let (Some(x), Some(fy)) = (big(a), super::float::as_f64_exact(b)) {
                return Ok(py_bool(super::float::cmp_int_float(&x, fy, op)));
            }
            Ok(not_implemented())
        }
    }
}

fn int_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    match int::int_ref(o) {
        Some(IntRef::Small(v)) => {
            if let Some(b) = int::as_bool(o) {
                return vm.new_str(if b { "True" } else { "False" });
            }
            vm.new_string(alloc::format!("{}", v))
        }
        Some(IntRef::Big(..)) => {
            let b = big(o).unwrap_or(BigInt::zero());
            vm.new_string(b.to_str_radix(10, false))
        }
        None => vm.new_str("?"),
    }
}

fn int_hash(vm: &Vm, o: Obj) -> PyResult<isize> {
    int::hash_of_int(vm, o)
}

fn int_bool(_vm: &Vm, o: Obj) -> PyResult<bool> {
    Ok(match int::int_ref(o) {
        Some(IntRef::Small(v)) => v != 0,
        Some(IntRef::Big(_, d)) => !d.is_empty(),
        None => true,
    })
}

fn int_index(vm: &Vm, o: Obj) -> PyResult<Obj> {
    if o.is_small() || o.ty().is(&int::INT_TYPE) {
        return Ok(o);
    }
    int::from_bigint(vm, &big(o).unwrap_or(BigInt::zero()))
}

fn int_float(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let f = big(o).unwrap_or(BigInt::zero()).to_f64().map_err(|e| int_err(vm, e, ""))?;
    super::float::new(vm, f)
}

fn int_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    let [x, base] = args.bind(vm, "int", ["x", "base"], 0)?;
    let v = match (x, base) {
        (None, None) => BigInt::zero(),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => {
            if let Some(b) = big(x) {
                b
            } else if let Some(s) = pystr::as_str(x) {
                BigInt::parse(s, 10).map_err(|_| {
                    vm.value_error(&alloc::format!(
                        "invalid literal for int() with base 10: {}",
                        abs::repr_string(vm, x).unwrap_or_default()
                    ))
                })?
            } else if let Some(f) = super::float::as_f64_exact(x) {
                if f.is_nan() {
                    return Err(vm.value_error("cannot convert float NaN to integer"));
                }
                BigInt::from_f64(f).ok_or_else(|| vm.overflow_error("cannot convert float infinity to integer"))?
            } else if let Some(f) = x.ty().slots.int {
                let r = f(vm, x)?;
                big(r).unwrap_or(BigInt::zero())
            } else if let Some(f) = x.ty().slots.index {
                let r = f(vm, x)?;
                big(r).unwrap_or(BigInt::zero())
            } else if let Some(tr) = abs::call_dunder(vm, x, "__trunc__", &[])? {
                let r = abs::index(vm, tr)?;
                big(r).unwrap_or(BigInt::zero())
            } else {
                return Err(vm.type_error(&alloc::format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    x.ty().name()
                )));
            }
        }
        (Some(x), Some(b)) => {
            let b = abs::index_isize(vm, b)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let Some(s) = pystr::as_str(x) else {
                return Err(vm.type_error("int() can't convert non-string with explicit base"));
            };
            BigInt::parse(s, b as u32).map_err(|_| {
                vm.value_error(&alloc::format!(
                    "invalid literal for int() with base {}: {}",
                    b,
                    abs::repr_string(vm, x).unwrap_or_default()
                ))
            })?
        }
    };
    if t.is(&int::INT_TYPE) {
        int::from_bigint(vm, &v)
    } else {
        int::from_bigint_typed(vm, t, &v)
    }
}

fn bool_new(vm: &Vm, _t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    args.check(vm, "bool", 0, 1)?;
    match args.pos.first() {
        Some(x) => Ok(py_bool(abs::truthy(vm, *x)?)),
        None => Ok(super::false_obj()),
    }
}

fn bool_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, inplace: bool) -> PyResult<Obj> {
    if matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) {
        if let (Some(x), Some(y)) = (int::as_bool(a), int::as_bool(b)) {
            return Ok(py_bool(match op {
                BinOp::And => x & y,
                BinOp::Or => x | y,
                _ => x ^ y,
            }));
        }
    }
    int_num(vm, op, a, b, inplace)
}

pub const INT_SLOTS: Slots = Slots {
    repr: Some(int_repr),
    hash: Some(int_hash),
    richcmp: Some(int_cmp),
    num: Some(int_num),
    unary: Some(int_unary),
    bool: Some(int_bool),
    index: Some(int_index),
    int: Some(int_index),
    float: Some(int_float),
    new: Some(int_new),
    getattr: Some(super::typeobj::generic_getattr),
    ..Slots::EMPTY
};
pub static INT_ATTRS: [AttrEntry; 0] = [];

pub const BOOL_SLOTS: Slots = Slots { num: Some(bool_num), new: Some(bool_new), ..INT_SLOTS };
pub static BOOL_ATTRS: [AttrEntry; 0] = [];

#[allow(dead_code)]
fn unused() -> Obj {
    none()
}
