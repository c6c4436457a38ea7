//! The `cmath` module: CPython 3.11's complex functions, with the
//! algorithms of CPython's `cmathmodule.c` for finite arguments (so results
//! match to the last bit where the `libm` functions underneath do).
//! Non-finite arguments follow the same formulas instead of CPython's
//! special-value tables, so some inf/nan cases differ.

use crate::function;
use crate::obj::attr::AttrEntry;
use crate::obj::float::{self, real_arg};
use crate::obj::{complex, dict, module, py_bool, tuple, Args, Obj};
use crate::vm::{PyResult, Vm};
use alloc::format;
use core::f64::consts::{E, LN_10, LN_2, PI};

type C = (f64, f64);

/// How a computation failed (CPython's `errno` after a `c_*` function).
#[derive(PartialEq)]
enum Err {
    None,
    Dom,
    Range,
}

const LARGE: f64 = f64::MAX / 4.0;
const DBL_MIN: f64 = f64::MIN_POSITIVE;
const MANT: i32 = 53;
const SCALE_UP: i32 = 2 * (MANT / 2) + 1;
const SCALE_DOWN: i32 = -(MANT + 1) / 2;

fn log_large() -> f64 {
    libm::log(LARGE)
}
fn sqrt_large() -> f64 {
    libm::sqrt(LARGE)
}

/// A complex argument: complex, float, int, or an object with
/// `__complex__`/`__float__`/`__index__`.
fn carg(vm: &Vm, o: Obj) -> PyResult<C> {
    if let Some(c) = complex::as_complex(vm, o)? {
        return Ok(c);
    }
    if let Some(f) = crate::obj::typeobj::lookup_static(vm, o.ty(), "__complex__")? {
        let r = crate::vm::call::call(vm, f, &[o])?;
        if r.downcast::<complex::ComplexObj>().is_none() {
            return Err(vm.type_error(&format!(
                "__complex__ returned non-complex (type {})",
                r.ty().name()
            )));
        }
        return Ok(complex::parts(r));
    }
    real_arg(vm, o)
        .map(|x| (x, 0.0))
        .map_err(|_| vm.type_error(&format!("must be real number, not {}", o.ty().name())))
}

fn one(vm: &Vm, args: &Args, name: &str) -> PyResult<C> {
    args.check(vm, name, 1, 1)?;
    carg(vm, args.pos[0])
}

fn finite(z: C) -> bool {
    z.0.is_finite() && z.1.is_finite()
}

fn c_sqrt(z: C) -> C {
    let (re, im) = z;
    if !finite(z) {
        if im.is_infinite() {
            return (f64::INFINITY, im);
        }
        if re == f64::NEG_INFINITY {
            return (
                if im.is_nan() { im } else { 0.0 },
                libm::copysign(f64::INFINITY, im),
            );
        }
        if re == f64::INFINITY {
            return (
                re,
                if im.is_nan() {
                    im
                } else {
                    libm::copysign(0.0, im)
                },
            );
        }
        return (f64::NAN, f64::NAN);
    }
    if re == 0.0 && im == 0.0 {
        return (0.0, im);
    }
    let mut ax = libm::fabs(re);
    let ay = libm::fabs(im);
    let s = if ax < DBL_MIN && ay < DBL_MIN {
        ax = libm::ldexp(ax, SCALE_UP);
        libm::ldexp(
            libm::sqrt(ax + libm::hypot(ax, libm::ldexp(ay, SCALE_UP))),
            SCALE_DOWN,
        )
    } else {
        ax /= 8.0;
        2.0 * libm::sqrt(ax + libm::hypot(ax, ay / 8.0))
    };
    let d = ay / (2.0 * s);
    if re >= 0.0 {
        (s, libm::copysign(d, im))
    } else {
        (d, libm::copysign(s, im))
    }
}

fn c_exp(z: C) -> (C, Err) {
    let (re, im) = z;
    let r = if re > log_large() {
        let l = libm::exp(re - 1.0);
        (l * libm::cos(im) * E, l * libm::sin(im) * E)
    } else {
        let l = libm::exp(re);
        (l * libm::cos(im), l * libm::sin(im))
    };
    let e = if finite(z) && !finite(r) {
        Err::Range
    } else {
        Err::None
    };
    (r, e)
}

fn c_log(z: C) -> (C, Err) {
    let (re, im) = z;
    let ax = libm::fabs(re);
    let ay = libm::fabs(im);
    let mut e = Err::None;
    let real = if ax > LARGE || ay > LARGE {
        libm::log(libm::hypot(ax / 2.0, ay / 2.0)) + LN_2
    } else if ax < DBL_MIN && ay < DBL_MIN {
        if ax > 0.0 || ay > 0.0 {
            libm::log(libm::hypot(libm::ldexp(ax, MANT), libm::ldexp(ay, MANT)))
                - MANT as f64 * LN_2
        } else {
            e = Err::Dom;
            f64::NEG_INFINITY
        }
    } else {
        let h = libm::hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            libm::log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            libm::log(h)
        }
    };
    ((real, libm::atan2(im, re)), e)
}

fn c_acos(z: C) -> C {
    let (re, im) = z;
    if libm::fabs(re) > LARGE || libm::fabs(im) > LARGE {
        let l = libm::log(libm::hypot(re / 2.0, im / 2.0)) + LN_2 * 2.0;
        let i = if re < 0.0 {
            -libm::copysign(l, im)
        } else {
            libm::copysign(l, -im)
        };
        (libm::atan2(libm::fabs(im), re), i)
    } else {
        let s1 = c_sqrt((1.0 - re, -im));
        let s2 = c_sqrt((1.0 + re, im));
        (
            2.0 * libm::atan2(s1.0, s2.0),
            libm::asinh(s2.0 * s1.1 - s2.1 * s1.0),
        )
    }
}

fn c_acosh(z: C) -> C {
    let (re, im) = z;
    if libm::fabs(re) > LARGE || libm::fabs(im) > LARGE {
        (
            libm::log(libm::hypot(re / 2.0, im / 2.0)) + LN_2 * 2.0,
            libm::atan2(im, re),
        )
    } else {
        let s1 = c_sqrt((re - 1.0, im));
        let s2 = c_sqrt((re + 1.0, im));
        (
            libm::asinh(s1.0 * s2.0 + s1.1 * s2.1),
            2.0 * libm::atan2(s1.1, s2.0),
        )
    }
}

fn c_asinh(z: C) -> C {
    let (re, im) = z;
    if libm::fabs(re) > LARGE || libm::fabs(im) > LARGE {
        let l = libm::log(libm::hypot(re / 2.0, im / 2.0)) + LN_2 * 2.0;
        let r = if im >= 0.0 {
            libm::copysign(l, re)
        } else {
            -libm::copysign(l, -re)
        };
        (r, libm::atan2(im, libm::fabs(re)))
    } else {
        let s1 = c_sqrt((1.0 + im, -re));
        let s2 = c_sqrt((1.0 - im, re));
        (
            libm::asinh(s1.0 * s2.1 - s2.0 * s1.1),
            libm::atan2(im, s1.0 * s2.0 - s1.1 * s2.1),
        )
    }
}

fn c_asin(z: C) -> C {
    let s = c_asinh((-z.1, z.0));
    (s.1, -s.0)
}

fn c_atanh(z: C) -> (C, Err) {
    let (re, im) = z;
    if re < 0.0 {
        let (r, e) = c_atanh((-re, -im));
        return ((-r.0, -r.1), e);
    }
    let ay = libm::fabs(im);
    if re > sqrt_large() || ay > sqrt_large() {
        let h = libm::hypot(re / 2.0, im / 2.0);
        (
            (re / 4.0 / h / h, -libm::copysign(PI / 2.0, -im)),
            Err::None,
        )
    } else if re == 1.0 && ay < libm::sqrt(DBL_MIN) {
        if ay == 0.0 {
            ((f64::INFINITY, im), Err::Dom)
        } else {
            (
                (
                    -libm::log(libm::sqrt(ay) / libm::sqrt(libm::hypot(ay, 2.0))),
                    libm::copysign(libm::atan2(2.0, -ay) / 2.0, im),
                ),
                Err::None,
            )
        }
    } else {
        (
            (
                libm::log1p(4.0 * re / ((1.0 - re) * (1.0 - re) + ay * ay)) / 4.0,
                -libm::atan2(-2.0 * im, (1.0 - re) * (1.0 + re) - ay * ay) / 2.0,
            ),
            Err::None,
        )
    }
}

fn c_atan(z: C) -> (C, Err) {
    let (s, e) = c_atanh((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_cosh(z: C) -> (C, Err) {
    let (re, im) = z;
    let r = if libm::fabs(re) > log_large() {
        let x1 = re - libm::copysign(1.0, re);
        (
            libm::cos(im) * libm::cosh(x1) * E,
            libm::sin(im) * libm::sinh(x1) * E,
        )
    } else {
        (
            libm::cos(im) * libm::cosh(re),
            libm::sin(im) * libm::sinh(re),
        )
    };
    let e = if finite(z) && !finite(r) {
        Err::Range
    } else {
        Err::None
    };
    (r, e)
}

fn c_sinh(z: C) -> (C, Err) {
    let (re, im) = z;
    let r = if libm::fabs(re) > log_large() {
        let x1 = re - libm::copysign(1.0, re);
        (
            libm::cos(im) * libm::sinh(x1) * E,
            libm::sin(im) * libm::cosh(x1) * E,
        )
    } else {
        (
            libm::cos(im) * libm::sinh(re),
            libm::sin(im) * libm::cosh(re),
        )
    };
    let e = if finite(z) && !finite(r) {
        Err::Range
    } else {
        Err::None
    };
    (r, e)
}

fn c_tanh(z: C) -> C {
    let (re, im) = z;
    if libm::fabs(re) > log_large() {
        (
            libm::copysign(1.0, re),
            4.0 * libm::sin(im) * libm::cos(im) * libm::exp(-2.0 * libm::fabs(re)),
        )
    } else {
        let tx = libm::tanh(re);
        let ty = libm::tan(im);
        let cx = 1.0 / libm::cosh(re);
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    }
}

fn rot_in(z: C) -> C {
    (-z.1, z.0)
}
fn rot_out(s: C) -> C {
    (s.1, -s.0)
}

/// Build the result, raising as CPython's `math_error` does for finite input.
fn finish(vm: &Vm, z: C, r: C, e: Err) -> PyResult<Obj> {
    let e = if e == Err::None && finite(z) && (r.0.is_nan() || r.1.is_nan()) {
        Err::Dom
    } else {
        e
    };
    match e {
        Err::Dom => Err(vm.value_error("math domain error")),
        Err::Range => Err(vm.overflow_error("math range error")),
        Err::None => complex::new(vm, r.0, r.1),
    }
}

macro_rules! cfun {
    ($name:ident, $s:literal, $body:expr) => {
        fn $name(vm: &Vm, args: &Args) -> PyResult<Obj> {
            let z = one(vm, args, $s)?;
            let f: fn(C) -> (C, Err) = $body;
            let (r, e) = f(z);
            finish(vm, z, r, e)
        }
    };
}

cfun!(cm_sqrt, "sqrt", |z| (c_sqrt(z), Err::None));
cfun!(cm_exp, "exp", c_exp);
cfun!(cm_acos, "acos", |z| (c_acos(z), Err::None));
cfun!(cm_acosh, "acosh", |z| (c_acosh(z), Err::None));
cfun!(cm_asin, "asin", |z| (c_asin(z), Err::None));
cfun!(cm_asinh, "asinh", |z| (c_asinh(z), Err::None));
cfun!(cm_atan, "atan", c_atan);
cfun!(cm_atanh, "atanh", c_atanh);
cfun!(cm_cos, "cos", |z| c_cosh(rot_in(z)));
cfun!(cm_cosh, "cosh", c_cosh);
cfun!(cm_sin, "sin", |z| {
    let (s, e) = c_sinh(rot_in(z));
    (rot_out(s), e)
});
cfun!(cm_sinh, "sinh", c_sinh);
cfun!(cm_tan, "tan", |z| (rot_out(c_tanh(rot_in(z))), Err::None));
cfun!(cm_tanh, "tanh", |z| (c_tanh(z), Err::None));
cfun!(cm_log10, "log10", |z| {
    let (r, e) = c_log(z);
    ((r.0 / LN_10, r.1 / LN_10), e)
});

/// Complex division (CPython's `_Py_c_quot`).
fn quot(a: C, b: C) -> C {
    let (abr, abi) = (libm::fabs(b.0), libm::fabs(b.1));
    if abr >= abi {
        if abr == 0.0 {
            return (f64::NAN, f64::NAN);
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom)
    } else if abi >= abr {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom)
    } else {
        (f64::NAN, f64::NAN)
    }
}

fn cm_log(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [x, base] = args.bind(vm, "log", ["x", "base"], 1)?;
    let z = carg(vm, x.unwrap_or(crate::obj::none()))?;
    let (mut r, mut e) = c_log(z);
    if let Some(b) = base {
        let bz = carg(vm, b)?;
        let (lb, e2) = c_log(bz);
        if e2 != Err::None {
            e = e2;
        }
        if lb.0 == 0.0 && lb.1 == 0.0 {
            return Err(vm.zero_division("complex division by zero"));
        }
        r = quot(r, lb);
    }
    finish(vm, z, r, e)
}

fn cm_phase(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let z = one(vm, args, "phase")?;
    float::new(vm, libm::atan2(z.1, z.0))
}

fn cm_polar(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let z = one(vm, args, "polar")?;
    let r = complex::complex_abs(vm, z.0, z.1)?;
    let a = float::new(vm, r)?;
    let b = float::new(vm, libm::atan2(z.1, z.0))?;
    tuple::new(vm, &[a, b])
}

fn cm_rect(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "rect", 2, 2)?;
    let r = real_arg(vm, args.pos[0])?;
    let phi = real_arg(vm, args.pos[1])?;
    if r.is_finite() && phi.is_infinite() {
        return Err(vm.value_error("math domain error"));
    }
    let z = if phi == 0.0 {
        (r, r * phi)
    } else {
        (r * libm::cos(phi), r * libm::sin(phi))
    };
    complex::new(vm, z.0, z.1)
}

fn cm_isfinite(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let z = one(vm, args, "isfinite")?;
    Ok(py_bool(finite(z)))
}
fn cm_isinf(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let z = one(vm, args, "isinf")?;
    Ok(py_bool(z.0.is_infinite() || z.1.is_infinite()))
}
fn cm_isnan(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let z = one(vm, args, "isnan")?;
    Ok(py_bool(z.0.is_nan() || z.1.is_nan()))
}

fn cm_isclose(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.pos.len() > 2 {
        return Err(vm.type_error(&format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.pos.len()
        )));
    }
    let [a, b, rt, at] = args.bind(vm, "isclose", ["a", "b", "rel_tol", "abs_tol"], 2)?;
    let a = carg(vm, a.unwrap_or(crate::obj::none()))?;
    let b = carg(vm, b.unwrap_or(crate::obj::none()))?;
    let rel = match rt {
        Some(r) => real_arg(vm, r)?,
        None => 1e-9,
    };
    let abst = match at {
        Some(r) => real_arg(vm, r)?,
        None => 0.0,
    };
    if rel < 0.0 || abst < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(py_bool(true));
    }
    if !finite(a) || !finite(b) {
        return Ok(py_bool(false));
    }
    let d = libm::hypot(a.0 - b.0, a.1 - b.1);
    let ab = libm::hypot(a.0, a.1);
    let bb = libm::hypot(b.0, b.1);
    Ok(py_bool(d <= rel * bb || d <= rel * ab || d <= abst))
}

static CMATH_FUNCS: [AttrEntry; 23] = [
    function!("sqrt", cm_sqrt),
    function!("exp", cm_exp),
    function!("log", cm_log),
    function!("log10", cm_log10),
    function!("acos", cm_acos),
    function!("acosh", cm_acosh),
    function!("asin", cm_asin),
    function!("asinh", cm_asinh),
    function!("atan", cm_atan),
    function!("atanh", cm_atanh),
    function!("cos", cm_cos),
    function!("cosh", cm_cosh),
    function!("sin", cm_sin),
    function!("sinh", cm_sinh),
    function!("tan", cm_tan),
    function!("tanh", cm_tanh),
    function!("phase", cm_phase),
    function!("polar", cm_polar),
    function!("rect", cm_rect),
    function!("isfinite", cm_isfinite),
    function!("isinf", cm_isinf),
    function!("isnan", cm_isnan),
    function!("isclose", cm_isclose),
];

/// Create the `cmath` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = module::new(vm, "cmath")?;
    let d = module::dict_of(m);
    for e in CMATH_FUNCS.iter() {
        dict::set_str(vm, d, e.name, e.obj.get())?;
    }
    for (n, v) in [
        ("pi", PI),
        ("e", E),
        ("tau", core::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let f = float::new(vm, v)?;
        dict::set_str(vm, d, n, f)?;
    }
    let infj = complex::new(vm, 0.0, f64::INFINITY)?;
    dict::set_str(vm, d, "infj", infj)?;
    let nanj = complex::new(vm, 0.0, f64::NAN)?;
    dict::set_str(vm, d, "nanj", nanj)?;
    Ok(m)
}
