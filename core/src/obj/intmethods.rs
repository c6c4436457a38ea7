//! Methods and slots of `int` and `bool`, and the dunder-method wrappers
//! shared by the numeric types (`int`, `float`, `complex`).

use super::attr::AttrEntry;
use super::int::{self, to_bigint, IntRef, INT_TYPE};
use super::{
    bytes, complex, float, not_implemented, py_bool, str as pystr, tuple, Args, BinOp, CmpOp, Obj,
    Slots, TypeObj, UnOp,
};
use crate::bigint::{BigInt, IntError};
use crate::vm::{abs, call, PyResult, Raised, Vm};
use crate::{classmethod, getset, method};
use alloc::format;
use alloc::string::String;

/// Raise the exception for a `BigInt` error; `op` picks the
/// ZeroDivisionError message.
pub fn int_err(vm: &Vm, e: IntError, op: &str) -> Raised {
    match e {
        IntError::ZeroDivision => vm.zero_division(match op {
            "/" => "division by zero",
            "%" => "integer modulo by zero",
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

/// The value of an int as a `BigInt` (0 for non-ints; callers check).
pub fn big_of(o: Obj) -> BigInt {
    to_bigint(o).unwrap_or(BigInt::zero())
}

/// An int object for an `i128`.
pub fn new_i128(vm: &Vm, v: i128) -> PyResult<Obj> {
    match i64::try_from(v) {
        Ok(x) => int::new_i64(vm, x),
        Err(_) => int::from_bigint(vm, &BigInt::from_i128(v)),
    }
}

/// Both operands as machine integers, when both are small.
#[inline]
fn small_pair(a: Obj, b: Obj) -> Option<(i64, i64)> {
    match (int::int_ref(a)?, int::int_ref(b)?) {
        (IntRef::Small(x), IntRef::Small(y)) => Some((x as i64, y as i64)),
        _ => None,
    }
}

/// `x op y` on machine integers; `None` when the big path must decide
/// (overflow or an error case).
fn small_op(op: BinOp, x: i64, y: i64) -> Option<i128> {
    let (a, b) = (x as i128, y as i128);
    Some(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::FloorDiv | BinOp::Mod => {
            if b == 0 {
                return None;
            }
            let (mut q, mut r) = (a / b, a % b);
            if r != 0 && ((r < 0) != (b < 0)) {
                q -= 1;
                r += b;
            }
            if op == BinOp::Mod {
                r
            } else {
                q
            }
        }
        BinOp::And => a & b,
        BinOp::Or => a | b,
        BinOp::Xor => a ^ b,
        BinOp::LShift => {
            if !(0..64).contains(&y) {
                return None;
            }
            let r = a << y;
            if r >> y != a {
                return None;
            }
            r
        }
        BinOp::RShift => {
            if y < 0 {
                return None;
            }
            a >> y.min(127)
        }
        BinOp::Pow => {
            if !(0..=127).contains(&y) {
                return None;
            }
            a.checked_pow(y as u32)?
        }
        _ => return None,
    })
}

fn int_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, _inplace: bool) -> PyResult<Obj> {
    if !int::is_int(a) || !int::is_int(b) {
        return Ok(not_implemented());
    }
    if let Some((x, y)) = small_pair(a, b) {
        if op == BinOp::TrueDiv
            && y != 0
            && x.unsigned_abs() <= 1 << 53
            && y.unsigned_abs() <= 1 << 53
        {
            return float::new(vm, x as f64 / y as f64);
        }
        if let Some(r) = small_op(op, x, y) {
            return new_i128(vm, r);
        }
    }
    let (x, y) = (big_of(a), big_of(b));
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
            return float::new(vm, f);
        }
        BinOp::Pow => {
            if y.is_negative() {
                let xf = x.to_f64().map_err(|e| int_err(vm, e, "**"))?;
                let yf = y.to_f64().map_err(|e| int_err(vm, e, "**"))?;
                return float::float_pow(vm, xf, yf);
            }
            x.pow(&y).map_err(|e| int_err(vm, e, "**"))?
        }
        BinOp::MatMul => return Ok(not_implemented()),
    };
    int::from_bigint(vm, &r)
}

/// `divmod(a, b)` for ints (NotImplemented for other types).
pub fn int_divmod(vm: &Vm, a: Obj, b: Obj) -> PyResult<Obj> {
    if !int::is_int(a) || !int::is_int(b) {
        return Ok(not_implemented());
    }
    if let Some((x, y)) = small_pair(a, b) {
        if let (Some(q), Some(r)) = (small_op(BinOp::FloorDiv, x, y), small_op(BinOp::Mod, x, y)) {
            let q = new_i128(vm, q)?;
            let r = new_i128(vm, r)?;
            return tuple::new(vm, &[q, r]);
        }
    }
    let (q, r) = big_of(a)
        .divmod_floor(&big_of(b))
        .map_err(|e| int_err(vm, e, "divmod"))?;
    let q = int::from_bigint(vm, &q)?;
    let r = int::from_bigint(vm, &r)?;
    tuple::new(vm, &[q, r])
}

/// `pow(a, b, m)` for ints; NotImplemented when an operand is not an int.
pub fn int_pow3(vm: &Vm, a: Obj, b: Obj, m: Obj) -> PyResult<Obj> {
    if !int::is_int(a) || !int::is_int(b) || !int::is_int(m) {
        return Ok(not_implemented());
    }
    let r = big_of(a)
        .pow_mod(&big_of(b), &big_of(m))
        .map_err(|e| int_err(vm, e, "pow"))?;
    int::from_bigint(vm, &r)
}

fn int_unary(vm: &Vm, op: UnOp, o: Obj) -> PyResult<Obj> {
    if let Some(IntRef::Small(v)) = int::int_ref(o) {
        let v = v as i128;
        return new_i128(
            vm,
            match op {
                UnOp::Neg => -v,
                UnOp::Pos => v,
                UnOp::Invert => !v,
            },
        );
    }
    let x = big(o).ok_or_else(|| vm.type_error("int expected"))?;
    let r = match op {
        UnOp::Neg => x.neg(),
        UnOp::Pos => x,
        UnOp::Invert => x.not(),
    };
    int::from_bigint(vm, &r)
}

fn int_cmp(_vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    if let Some((x, y)) = small_pair(a, b) {
        return Ok(py_bool(op.test(x.cmp(&y))));
    }
    if !int::is_int(a) {
        return Ok(not_implemented());
    }
    if int::is_int(b) {
        return Ok(py_bool(op.test(big_of(a).cmp(&big_of(b)))));
    }
    // Floats compare through float's reflected slot, as in CPython.
    Ok(not_implemented())
}

/// Decimal digits limit of int/str conversions (CPython 3.11's default).
const MAX_STR_DIGITS: usize = 4300;

/// `str(i)` of an int as Rust text (with CPython's 4300-digit limit).
pub fn int_to_string(vm: &Vm, o: Obj) -> PyResult<String> {
    if let Some(IntRef::Small(v)) = int::int_ref(o) {
        return Ok(String::from(crate::text::decimal(v as i64, &mut [0; 20])));
    }
    let b = big_of(o);
    if b.bit_length() > 14300 {
        let s = b.to_str_radix(10, false);
        if s.trim_start_matches('-').len() > MAX_STR_DIGITS {
            return Err(vm.value_error(
                "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            ));
        }
        return Ok(s);
    }
    Ok(b.to_str_radix(10, false))
}

fn int_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    if let Some(b) = int::as_bool(o) {
        return vm.new_str(if b { "True" } else { "False" });
    }
    if let Some(IntRef::Small(v)) = int::int_ref(o) {
        return vm.new_str(crate::text::decimal(v as i64, &mut [0; 20]));
    }
    let s = int_to_string(vm, o)?;
    vm.new_string(s)
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

/// The value of an int (or subclass, or bool) as an exact `int`.
pub fn exact_int(vm: &Vm, o: Obj) -> PyResult<Obj> {
    if o.is_small() || o.ty().is(&INT_TYPE) {
        return Ok(o);
    }
    match int::int_ref(o) {
        Some(IntRef::Small(v)) => Ok(Obj::small(v)),
        _ => int::from_bigint(vm, &big_of(o)),
    }
}

fn int_float(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let f = big_of(o).to_f64().map_err(|e| int_err(vm, e, ""))?;
    float::new(vm, f)
}

/// A bytes-like object's contents.
pub fn bytes_like(o: Obj) -> Option<&'static [u8]> {
    bytes::buffer_of(o)
}

/// `repr(o)` cut to 200 characters, as CPython's `%.200R`.
fn repr200(vm: &Vm, o: Obj) -> PyResult<String> {
    let r = abs::repr_string(vm, o)?;
    Ok(r.chars().take(200).collect())
}

/// Parse `s` as `int(s, base)` does; `o` is the original object for the
/// error message.
fn parse_int(vm: &Vm, s: &str, base: u32, o: Obj) -> PyResult<BigInt> {
    let bad = |vm: &Vm| -> Raised {
        match repr200(vm, o) {
            Ok(r) => vm.value_error(&format!(
                "invalid literal for int() with base {}: {}",
                base, r
            )),
            Err(e) => e,
        }
    };
    let v = BigInt::parse(s, base).map_err(|_| bad(vm))?;
    if !matches!(base, 2 | 4 | 8 | 16 | 32) && s.len() > MAX_STR_DIGITS {
        let n = s.chars().filter(|c| c.is_alphanumeric()).count();
        if n > MAX_STR_DIGITS {
            return Err(vm.value_error(&format!(
                "Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                n
            )));
        }
    }
    Ok(v)
}

/// `int(x)` for one argument (CPython's `PyNumber_Long`).
pub fn int_from_obj(vm: &Vm, x: Obj) -> PyResult<BigInt> {
    if x.is_small() || x.ty().is(&INT_TYPE) || int::as_bool(x).is_some() {
        return Ok(big_of(x));
    }
    let t = x.ty();
    if let Some(f) = t.slots.int {
        let r = f(vm, x)?;
        if let Some(b) = big(r) {
            return Ok(b);
        }
        return Err(vm.type_error(&format!(
            "__int__ returned non-int (type {})",
            r.ty().name()
        )));
    }
    if let Some(f) = t.slots.index {
        let r = f(vm, x)?;
        return big(r).ok_or_else(|| {
            vm.type_error(&format!(
                "__index__ returned non-int (type {})",
                r.ty().name()
            ))
        });
    }
    if let Some(tr) = abs::call_dunder(vm, x, "__trunc__", &[])? {
        if let Some(b) = big(tr) {
            return Ok(b);
        }
        if tr.ty().slots.index.is_none() {
            return Err(vm.type_error(&format!(
                "__trunc__ returned non-Integral (type {})",
                tr.ty().name()
            )));
        }
        let r = abs::index(vm, tr)?;
        return Ok(big_of(r));
    }
    if let Some(s) = pystr::as_str(x) {
        return parse_int(vm, s, 10, x);
    }
    if let Some(b) = bytes_like(x) {
        let s = core::str::from_utf8(b).unwrap_or("\u{0}");
        return parse_int(vm, s, 10, x);
    }
    Err(vm.type_error(&format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        t.name()
    )))
}

/// `int(s)` for a str of an optional sign and 1 to 18 ASCII digits (the
/// common case, parsed without a BigInt).
fn short_decimal(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let (neg, digits) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut v: i64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (d - b'0') as i64;
    }
    Some(if neg { -v } else { v })
}

fn int_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    if t.is(&INT_TYPE) && args.pos.len() == 1 && !args.has_kw() {
        let x = args.pos[0];
        if let Some(v) = pystr::as_str(x)
            .filter(|_| pystr::is_exact(x))
            .and_then(short_decimal)
        {
            return int::new_i64(vm, v);
        }
    }
    if args.pos.len() > 2 {
        return Err(vm.type_error(&format!(
            "int() takes at most 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let x = args.pos.first().copied();
    let mut base = args.pos.get(1).copied();
    for (i, v) in args.kw.iter().enumerate() {
        match pystr::as_str(args.kwname(i)) {
            Some("base") if base.is_none() => base = Some(*v),
            Some("base") => {
                return Err(
                    vm.type_error("argument for int() given by name ('base') and position (2)")
                );
            }
            k => {
                return Err(vm.type_error(&format!(
                    "'{}' is an invalid keyword argument for int()",
                    k.unwrap_or("?")
                )));
            }
        }
    }
    let v = match (x, base) {
        (None, None) => BigInt::zero(),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => int_from_obj(vm, x)?,
        (Some(x), Some(b)) => {
            let b = abs::index(vm, b)?;
            let b = int::to_i64(b).unwrap_or(-1);
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            if let Some(s) = pystr::as_str(x) {
                parse_int(vm, s, b as u32, x)?
            } else if let Some(by) = bytes_like(x) {
                parse_int(vm, core::str::from_utf8(by).unwrap_or("\u{0}"), b as u32, x)?
            } else {
                return Err(vm.type_error("int() can't convert non-string with explicit base"));
            }
        }
    };
    if t.is(&INT_TYPE) {
        int::from_bigint(vm, &v)
    } else {
        int::from_bigint_typed(vm, t, &v)
    }
}

fn bool_new(vm: &Vm, _t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    if args.pos.len() > 1 {
        return Err(vm.type_error(&format!(
            "bool expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
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

// ------------------------------------------------------------ shared dunders

/// Numeric kinds served by the generic dunder wrappers.
pub const K_INT: u8 = 0;
pub const K_FLOAT: u8 = 1;
pub const K_COMPLEX: u8 = 2;

fn kind_type(k: u8) -> &'static TypeObj {
    match k {
        K_INT => &INT_TYPE,
        K_FLOAT => &float::FLOAT_TYPE,
        _ => &complex::COMPLEX_TYPE,
    }
}

fn kind_slots(k: u8) -> &'static Slots {
    &kind_type(k).slots
}

/// Check a dunder's argument count (`n` including self) and self's type;
/// returns self.
pub fn self_arg(vm: &Vm, args: &Args, k: u8, name: &str, min: usize, max: usize) -> PyResult<Obj> {
    let n = args.pos.len();
    if args.has_kw() {
        return Err(vm.type_error(&format!("{}() takes no keyword arguments", name)));
    }
    let Some(s) = args.pos.first().copied() else {
        return Err(vm.type_error(&format!(
            "descriptor '{}' of '{}' object needs an argument",
            name,
            kind_type(k).name
        )));
    };
    let t = kind_type(k);
    if !s.ty().is_subtype(t) {
        return Err(vm.type_error(&format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            name,
            t.name,
            s.ty().name()
        )));
    }
    if n < min || n > max {
        let (want, got) = (min - 1, n - 1);
        // Slot wrappers (`__add__`, `__neg__`...) say "expected N
        // arguments"; the named methods have their own forms.
        const METHODS: [&str; 8] = [
            "__format__",
            "__round__",
            "__trunc__",
            "__floor__",
            "__ceil__",
            "__getnewargs__",
            "__sizeof__",
            "__complex__",
        ];
        let slot = name.starts_with("__") && !METHODS.contains(&name);
        return Err(vm.type_error(&if slot && min == max {
            format!(
                "expected {} argument{}, got {}",
                want,
                if want == 1 { "" } else { "s" },
                got
            )
        } else {
            super::attr::positional_count_message(t.name, name, min - 1, max - 1, got)
        }));
    }
    Ok(s)
}

fn kind_num(k: u8, vm: &Vm, op: BinOp, a: Obj, b: Obj) -> PyResult<Obj> {
    match k {
        K_INT => bool_num(vm, op, a, b, false),
        _ => match kind_slots(k).num {
            Some(f) => f(vm, op, a, b, false),
            None => Ok(not_implemented()),
        },
    }
}

/// `x.__op__(y)` / `x.__rop__(y)` of a numeric type.
pub fn bin_dunder<const K: u8, const OP: u8, const R: bool>(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let op = BinOp::ALL[OP as usize];
    let name = if R { op.rdunder() } else { op.dunder() };
    let max = if op == BinOp::Pow { 3 } else { 2 };
    let s = self_arg(vm, args, K, name, 2, max)?;
    let o = args.pos[1];
    let (a, b) = if R { (o, s) } else { (s, o) };
    if let Some(m) = args.pos.get(2).copied().filter(|m| !m.is_none()) {
        if K == K_COMPLEX {
            return Err(vm.value_error("complex modulo"));
        }
        if K != K_INT {
            return Err(
                vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
            );
        }
        return int_pow3(vm, a, b, m);
    }
    kind_num(K, vm, op, a, b)
}

/// `x.__divmod__(y)` / `x.__rdivmod__(y)`.
pub fn divmod_dunder<const K: u8, const R: bool>(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = self_arg(
        vm,
        args,
        K,
        if R { "__rdivmod__" } else { "__divmod__" },
        2,
        2,
    )?;
    let o = args.pos[1];
    let (a, b) = if R { (o, s) } else { (s, o) };
    if K == K_INT {
        int_divmod(vm, a, b)
    } else {
        float::float_divmod(vm, a, b)
    }
}

/// `x.__lt__(y)` etc.
pub fn cmp_dunder<const K: u8, const OP: u8>(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let op = CmpOp::from_arg(OP as u16).unwrap_or(CmpOp::Eq);
    let s = self_arg(vm, args, K, op.dunder(), 2, 2)?;
    match kind_slots(K).richcmp {
        Some(f) => f(vm, s, args.pos[1], op),
        None => Ok(not_implemented()),
    }
}

/// `-x`, `+x`, `~x` (OP: 0, 1, 2).
pub fn unary_dunder<const K: u8, const OP: u8>(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let op = [UnOp::Neg, UnOp::Pos, UnOp::Invert][OP as usize % 3];
    let s = self_arg(vm, args, K, op.dunder(), 1, 1)?;
    match kind_slots(K).unary {
        Some(f) => f(vm, op, s),
        None => Ok(not_implemented()),
    }
}

/// Other one-argument dunders: 0 `__repr__`, 1 `__hash__`, 2 `__bool__`,
/// 3 `__int__`, 4 `__float__`, 5 `__index__`, 6 `__getnewargs__`.
pub fn misc_dunder<const K: u8, const W: u8>(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let name = [
        "__repr__",
        "__hash__",
        "__bool__",
        "__int__",
        "__float__",
        "__index__",
        "__getnewargs__",
    ][W as usize % 7];
    let s = self_arg(vm, args, K, name, 1, 1)?;
    let sl = kind_slots(K);
    let none = |vm: &Vm| vm.type_error("bad operand");
    match W {
        0 => sl.repr.ok_or_else(|| none(vm))?(vm, s),
        1 => Ok(Obj::small(sl.hash.ok_or_else(|| none(vm))?(vm, s)?)),
        2 => Ok(py_bool(sl.bool.ok_or_else(|| none(vm))?(vm, s)?)),
        3 => sl.int.ok_or_else(|| none(vm))?(vm, s),
        4 => sl.float.ok_or_else(|| none(vm))?(vm, s),
        5 => exact_int(vm, s),
        _ => {
            let v = match K {
                K_INT => exact_int(vm, s)?,
                K_FLOAT => float::new(vm, float::as_f64_exact(s).unwrap_or(0.0))?,
                _ => {
                    let (re, im) = complex::parts(s);
                    let a = float::new(vm, re)?;
                    let b = float::new(vm, im)?;
                    return tuple::new(vm, &[a, b]);
                }
            };
            tuple::new(vm, &[v])
        }
    }
}

/// `int.__new__(cls, ...)` / `float.__new__` / `complex.__new__`.
pub fn new_dunder<const K: u8>(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let base = kind_type(K);
    let Some(c) = args.pos.first().copied() else {
        return Err(vm.type_error(&format!("{}.__new__(): not enough arguments", base.name)));
    };
    let Some(t) = c.as_type() else {
        return Err(vm.type_error(&format!(
            "{}.__new__(X): X is not a type object ({})",
            base.name,
            c.ty().name()
        )));
    };
    if !t.is_subtype(base) {
        return Err(vm.type_error(&format!(
            "{}.__new__({}): {} is not a subtype of {}",
            base.name,
            t.name(),
            t.name(),
            base.name
        )));
    }
    // A builtin subtype with its own constructor (bool of int) must use it.
    let solid = super::typeobj::solid_base(t);
    if !solid.is(base) {
        return Err(vm.type_error(&format!(
            "{}.__new__({}) is not safe, use {}.__new__()",
            base.name,
            t.name(),
            solid.name()
        )));
    }
    let rest = Args {
        pos: &args.pos[1..],
        kw: args.kw,
        kwnames: args.kwnames,
    };
    match base.slots.new {
        Some(f) => f(vm, t, &rest),
        None => Err(vm.type_error("cannot create instances")),
    }
}

/// Turn a text-formatting error into its exception.
pub fn text_err(vm: &Vm, e: crate::text::TextError) -> Raised {
    match e {
        crate::text::TextError::Value(m) => vm.value_error(&m),
        crate::text::TextError::Overflow(m) => vm.overflow_error(&m),
        crate::text::TextError::Memory => vm.memory_error(),
    }
}

/// The format spec argument of `__format__` as text.
pub fn spec_arg(vm: &Vm, o: Obj) -> PyResult<&'static str> {
    pystr::as_str(o).ok_or_else(|| {
        vm.type_error(&format!(
            "__format__() argument must be str, not {}",
            o.ty().name()
        ))
    })
}

// ------------------------------------------------------------ int methods

fn self_int(vm: &Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<Obj> {
    self_arg(vm, args, K_INT, name, min, max)
}

fn m_bit_length(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = self_int(vm, args, "bit_length", 1, 1)?;
    Ok(Obj::small(big_of(s).bit_length() as isize))
}

fn m_bit_count(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = self_int(vm, args, "bit_count", 1, 1)?;
    Ok(Obj::small(big_of(s).bit_count() as isize))
}

fn m_conjugate(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = self_int(vm, args, "conjugate", 1, 1)?;
    exact_int(vm, s)
}

fn m_as_integer_ratio(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = self_int(vm, args, "as_integer_ratio", 1, 1)?;
    let v = exact_int(vm, s)?;
    tuple::new(vm, &[v, Obj::small(1)])
}

fn m_abs(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = self_int(vm, args, "__abs__", 1, 1)?;
    if let Some(IntRef::Small(v)) = int::int_ref(s) {
        return new_i128(vm, (v as i128).abs());
    }
    int::from_bigint(vm, &big_of(s).abs())
}

/// `__trunc__`, `__floor__`, `__ceil__`, `__int__` of an int: itself.
fn m_self_int(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = self_int(vm, args, "__trunc__", 1, 1)?;
    exact_int(vm, s)
}

fn m_round(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = self_int(vm, args, "__round__", 1, 2)?;
    let Some(nd) = args.pos.get(1).copied() else {
        return exact_int(vm, s);
    };
    let n = big_of(abs::index(vm, nd)?);
    if !n.is_negative() {
        return exact_int(vm, s);
    }
    let x = big_of(s);
    let e = n.neg();
    // 10**e exceeds |x| * 2 as soon as e > digits(x): the result is 0.
    let digits = x.bit_length() * 30103 / 100000 + 2;
    match e.to_u64() {
        Some(e) if e <= digits => {
            let p = BigInt::from_u64(10)
                .pow(&BigInt::from_u64(e))
                .map_err(|e| int_err(vm, e, ""))?;
            let (mut q, r) = x.divmod_floor(&p).map_err(|e| int_err(vm, e, ""))?;
            let c = r.add(&r).cmp(&p);
            if c == core::cmp::Ordering::Greater || (c == core::cmp::Ordering::Equal && q.is_odd())
            {
                q = q.add(&BigInt::one());
            }
            int::from_bigint(vm, &q.mul(&p))
        }
        _ => Ok(Obj::small(0)),
    }
}

fn m_sizeof(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = self_int(vm, args, "__sizeof__", 1, 1)?;
    let bits = big_of(s).bit_length() as isize;
    Ok(Obj::small(24 + 4 * ((bits + 29) / 30).max(1)))
}

/// Format an int with a (non-empty) spec.
pub fn format_int_obj(vm: &Vm, o: Obj, spec: &str) -> PyResult<Obj> {
    if spec.is_empty() {
        return abs::str(vm, o);
    }
    let sp = crate::text::parse_spec(spec, o.ty().name()).map_err(|e| text_err(vm, e))?;
    let b = big_of(o);
    let digits = b
        .abs()
        .to_str_radix(crate::text::spec_int_radix(&sp), false);
    let s = crate::text::format_int(b.is_negative(), &digits, &sp).map_err(|e| text_err(vm, e))?;
    vm.new_string(s)
}

fn m_format(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = self_int(vm, args, "__format__", 2, 2)?;
    format_int_obj(vm, s, spec_arg(vm, args.pos[1])?)
}

/// `byteorder` argument of `to_bytes`/`from_bytes`: true for big-endian.
fn byteorder(vm: &Vm, o: Option<Obj>) -> PyResult<bool> {
    match o {
        None => Ok(true),
        Some(o) => match pystr::as_str(o) {
            Some("big") => Ok(true),
            Some("little") => Ok(false),
            Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
            None => Err(vm.type_error(&format!(
                "to_bytes() argument 'byteorder' must be str, not {}",
                o.ty().name()
            ))),
        },
    }
}

fn m_to_bytes(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [s, length, order, signed] =
        args.bind(vm, "to_bytes", ["self", "length", "byteorder", "signed"], 1)?;
    let s = s.unwrap_or(Obj::small(0));
    if !int::is_int(s) {
        return Err(vm.type_error("descriptor 'to_bytes' requires a 'int' object"));
    }
    let n = match length {
        Some(l) => abs::index_isize(vm, l)?,
        None => 1,
    };
    if n < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let big_endian = byteorder(vm, order)?;
    let signed = match signed {
        Some(x) => abs::truthy(vm, x)?,
        None => false,
    };
    let v = big_of(s)
        .to_bytes(n as usize, big_endian, signed)
        .map_err(|e| int_err(vm, e, ""))?;
    bytes::new(vm, &v)
}

fn m_from_bytes(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [cls, data, order, signed] =
        args.bind(vm, "from_bytes", ["cls", "bytes", "byteorder", "signed"], 2)?;
    let cls = cls.unwrap_or(INT_TYPE.as_obj());
    let data = data.unwrap_or(Obj::small(0));
    let big_endian = byteorder(vm, order)?;
    let signed = match signed {
        Some(x) => abs::truthy(vm, x)?,
        None => false,
    };
    let v = match bytes_like(data) {
        Some(b) => BigInt::from_bytes(b, big_endian, signed),
        None => {
            if pystr::is_str(data) {
                return Err(vm.type_error("cannot convert 'str' object to bytes"));
            }
            let items = abs::to_vec(vm, data).map_err(|e| {
                if vm.exc_matches(&super::exc::TYPE_ERROR) {
                    vm.take_exc();
                    vm.type_error(&format!(
                        "cannot convert '{}' object to bytes",
                        data.ty().name()
                    ))
                } else {
                    e
                }
            })?;
            let mut buf = alloc::vec::Vec::with_capacity(items.len());
            for x in items {
                let i = abs::index_isize(vm, x)?;
                if !(0..256).contains(&i) {
                    return Err(vm.value_error("bytes must be in range(0, 256)"));
                }
                buf.push(i as u8);
            }
            BigInt::from_bytes(&buf, big_endian, signed)
        }
    };
    let r = int::from_bigint(vm, &v)?;
    if cls.is(INT_TYPE.as_obj()) {
        Ok(r)
    } else {
        call::call(vm, cls, &[r])
    }
}

fn g_self(vm: &Vm, o: Obj) -> PyResult<Obj> {
    exact_int(vm, o)
}
fn g_zero(_vm: &Vm, _o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(0))
}
fn g_one(_vm: &Vm, _o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(1))
}

pub const INT_SLOTS: Slots = Slots {
    repr: Some(int_repr),
    hash: Some(int_hash),
    richcmp: Some(int_cmp),
    num: Some(int_num),
    unary: Some(int_unary),
    bool: Some(int_bool),
    index: Some(exact_int),
    int: Some(exact_int),
    float: Some(int_float),
    new: Some(int_new),
    getattr: Some(super::typeobj::generic_getattr),
    ..Slots::EMPTY
};

/// The attribute table of a numeric type: `[extra entries]`, then the
/// binary dunders `(Op, "__op__", "__rop__")`, then the comparison, unary
/// and conversion dunders shared by all numeric types.
#[macro_export]
#[doc(hidden)]
macro_rules! num_attrs {
    ($k:expr; [$($e:expr),* $(,)?]; $(($op:ident, $d:literal, $r:literal)),* $(,)?) => {
        [
            $($e,)*
            $(
                $crate::method!($d, $crate::obj::intmethods::bin_dunder::<{ $k }, { $crate::obj::BinOp::$op as u8 }, false>),
                $crate::method!($r, $crate::obj::intmethods::bin_dunder::<{ $k }, { $crate::obj::BinOp::$op as u8 }, true>),
            )*
            $crate::method!("__lt__", $crate::obj::intmethods::cmp_dunder::<{ $k }, 0>),
            $crate::method!("__le__", $crate::obj::intmethods::cmp_dunder::<{ $k }, 1>),
            $crate::method!("__eq__", $crate::obj::intmethods::cmp_dunder::<{ $k }, 2>),
            $crate::method!("__ne__", $crate::obj::intmethods::cmp_dunder::<{ $k }, 3>),
            $crate::method!("__gt__", $crate::obj::intmethods::cmp_dunder::<{ $k }, 4>),
            $crate::method!("__ge__", $crate::obj::intmethods::cmp_dunder::<{ $k }, 5>),
            $crate::method!("__neg__", $crate::obj::intmethods::unary_dunder::<{ $k }, 0>),
            $crate::method!("__pos__", $crate::obj::intmethods::unary_dunder::<{ $k }, 1>),
            $crate::method!("__repr__", $crate::obj::intmethods::misc_dunder::<{ $k }, 0>),
            $crate::method!("__hash__", $crate::obj::intmethods::misc_dunder::<{ $k }, 1>),
            $crate::method!("__bool__", $crate::obj::intmethods::misc_dunder::<{ $k }, 2>),
            $crate::method!("__getnewargs__", $crate::obj::intmethods::misc_dunder::<{ $k }, 6>),
            $crate::staticmethod!("__new__", $crate::obj::intmethods::new_dunder::<{ $k }>),
        ]
    };
}

pub static INT_ATTRS: [AttrEntry; 60] = crate::num_attrs!(K_INT; [
    method!("bit_length", m_bit_length),
    method!("bit_count", m_bit_count),
    method!("to_bytes", m_to_bytes),
    classmethod!("from_bytes", m_from_bytes),
    method!("as_integer_ratio", m_as_integer_ratio),
    method!("conjugate", m_conjugate),
    getset!("real", g_self),
    getset!("imag", g_zero),
    getset!("numerator", g_self),
    getset!("denominator", g_one),
    method!("__abs__", m_abs),
    method!("__invert__", unary_dunder::<K_INT, 2>),
    method!("__int__", misc_dunder::<K_INT, 3>),
    method!("__float__", misc_dunder::<K_INT, 4>),
    method!("__index__", misc_dunder::<K_INT, 5>),
    method!("__trunc__", m_self_int),
    method!("__floor__", m_self_int),
    method!("__ceil__", m_self_int),
    method!("__round__", m_round),
    method!("__format__", m_format),
    method!("__sizeof__", m_sizeof),
    method!("__divmod__", divmod_dunder::<K_INT, false>),
    method!("__rdivmod__", divmod_dunder::<K_INT, true>),
];
    (Add, "__add__", "__radd__"),
    (Sub, "__sub__", "__rsub__"),
    (Mul, "__mul__", "__rmul__"),
    (TrueDiv, "__truediv__", "__rtruediv__"),
    (FloorDiv, "__floordiv__", "__rfloordiv__"),
    (Mod, "__mod__", "__rmod__"),
    (Pow, "__pow__", "__rpow__"),
    (LShift, "__lshift__", "__rlshift__"),
    (RShift, "__rshift__", "__rrshift__"),
    (And, "__and__", "__rand__"),
    (Or, "__or__", "__ror__"),
    (Xor, "__xor__", "__rxor__"),
);

pub const BOOL_SLOTS: Slots = Slots {
    num: Some(bool_num),
    new: Some(bool_new),
    ..INT_SLOTS
};
pub static BOOL_ATTRS: [AttrEntry; 1] = [crate::staticmethod!("__new__", bool_new_dunder)];

/// `bool.__new__(bool, x=False)`.
fn bool_new_dunder(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let Some(c) = args.pos.first().copied() else {
        return Err(vm.type_error("bool.__new__(): not enough arguments"));
    };
    let Some(t) = c.as_type() else {
        return Err(vm.type_error(&format!(
            "bool.__new__(X): X is not a type object ({})",
            c.ty().name()
        )));
    };
    if !t.is_subtype(&super::int::BOOL_TYPE) {
        return Err(vm.type_error(&format!(
            "bool.__new__({}): {} is not a subtype of bool",
            t.name(),
            t.name()
        )));
    }
    let rest = Args {
        pos: &args.pos[1..],
        kw: args.kw,
        kwnames: args.kwnames,
    };
    bool_new(vm, t, &rest)
}
