//! The `math` module (CPython 3.11's float and integer functions).

use crate::bigint::BigInt;
use crate::function;
use crate::obj::attr::AttrEntry;
use crate::obj::float::{self, real_arg};
use crate::obj::intmethods::{big_of, int_err};
use crate::obj::{dict, int, module, none, py_bool, tuple, Args, BinOp, Obj};
use crate::vm::{abs, PyResult, Raised, Vm};
use alloc::format;
use alloc::vec::Vec;

fn domain(vm: &Vm) -> Raised {
    vm.value_error("math domain error")
}
fn range(vm: &Vm) -> Raised {
    vm.overflow_error("math range error")
}

/// The single argument of a one-argument function.
fn one(vm: &Vm, args: &Args, name: &str) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error(&format!("math.{}() takes no keyword arguments", name)));
    }
    if args.pos.len() != 1 {
        return Err(vm.type_error(&format!(
            "math.{}() takes exactly one argument ({} given)",
            name,
            args.pos.len()
        )));
    }
    Ok(args.pos[0])
}

/// The two arguments of a two-argument function.
fn two(vm: &Vm, args: &Args, name: &str) -> PyResult<(Obj, Obj)> {
    if args.has_kw() {
        return Err(vm.type_error(&format!("{}() takes no keyword arguments", name)));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(&format!(
            "{} expected 2 arguments, got {}",
            name,
            args.pos.len()
        )));
    }
    Ok((args.pos[0], args.pos[1]))
}

fn two_f(vm: &Vm, args: &Args, name: &str) -> PyResult<(f64, f64)> {
    let (a, b) = two(vm, args, name)?;
    Ok((real_arg(vm, a)?, real_arg(vm, b)?))
}

/// CPython's `math_1`: apply `f` and turn NaN/inf results into errors.
fn math1(vm: &Vm, args: &Args, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Obj> {
    let x = real_arg(vm, one(vm, args, name)?)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    float::new(vm, r)
}

/// CPython's `math_2`.
fn math2(vm: &Vm, args: &Args, name: &str, f: fn(f64, f64) -> f64) -> PyResult<Obj> {
    let (x, y) = two_f(vm, args, name)?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range(vm));
    }
    float::new(vm, r)
}

macro_rules! m1 {
    ($name:ident, $s:literal, $f:expr, $ovf:expr) => {
        fn $name(vm: &Vm, args: &Args) -> PyResult<Obj> {
            math1(vm, args, $s, $f, $ovf)
        }
    };
}

m1!(m_sqrt, "sqrt", libm::sqrt, false);
m1!(m_exp, "exp", exp, true);
m1!(m_exp2, "exp2", libm::exp2, true);
m1!(m_expm1, "expm1", libm::expm1, true);
m1!(m_log1p, "log1p", libm::log1p, false);
m1!(m_cbrt, "cbrt", libm::cbrt, false);
m1!(m_sin, "sin", libm::sin, false);
m1!(m_cos, "cos", libm::cos, false);
m1!(m_tan, "tan", libm::tan, false);
m1!(m_asin, "asin", libm::asin, false);
m1!(m_acos, "acos", libm::acos, false);
m1!(m_atan, "atan", libm::atan, false);
m1!(m_sinh, "sinh", libm::sinh, true);
m1!(m_cosh, "cosh", libm::cosh, true);
m1!(m_tanh, "tanh", libm::tanh, false);
m1!(m_asinh, "asinh", libm::asinh, false);
m1!(m_acosh, "acosh", libm::acosh, false);
m1!(m_atanh, "atanh", libm::atanh, false);
m1!(m_fabs, "fabs", libm::fabs, false);
m1!(m_erf, "erf", libm::erf, false);
m1!(m_erfc, "erfc", libm::erfc, false);
m1!(m_lgamma, "lgamma", lgamma, true);
m1!(m_gamma, "gamma", gamma, true);

/// `exp` (exact at 1, where libm is one ulp off).
fn exp(x: f64) -> f64 {
    if x == 1.0 {
        core::f64::consts::E
    } else {
        libm::exp(x)
    }
}

fn lgamma(x: f64) -> f64 {
    if x.is_infinite() {
        return f64::INFINITY;
    }
    if x <= 0.0 && libm::floor(x) == x {
        return f64::NAN;
    }
    libm::lgamma_r(x).0
}

fn gamma(x: f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == f64::NEG_INFINITY || (x <= 0.0 && libm::floor(x) == x) {
        return f64::NAN;
    }
    if x == libm::floor(x) && (1.0..=23.0).contains(&x) {
        let mut p = BigInt::one();
        for i in 2..(x as u64) {
            p = p.mul(&BigInt::from_u64(i));
        }
        return p.to_f64().unwrap_or(f64::INFINITY);
    }
    libm::tgamma(x)
}

fn m_atan2(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (y, x) = two_f(vm, args, "atan2")?;
    float::new(vm, libm::atan2(y, x))
}

fn m_copysign(vm: &Vm, args: &Args) -> PyResult<Obj> {
    math2(vm, args, "copysign", libm::copysign)
}

fn m_remainder(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (x, y) = two_f(vm, args, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return float::new(vm, f64::NAN);
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain(vm));
    }
    if y.is_infinite() {
        return float::new(vm, x);
    }
    float::new(vm, libm::remainder(x, y))
}

fn m_fmod(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (x, y) = two_f(vm, args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return float::new(vm, x);
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    float::new(vm, r)
}

fn m_pow(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (x, y) = two_f(vm, args, "pow")?;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd = y.is_finite() && libm::fmod(libm::fabs(y), 2.0) == 1.0;
            if y > 0.0 {
                if odd {
                    x
                } else {
                    libm::fabs(x)
                }
            } else if y == 0.0 {
                1.0
            } else if odd {
                libm::copysign(0.0, x)
            } else {
                0.0
            }
        } else if libm::fabs(x) == 1.0 {
            1.0
        } else if (y > 0.0) == (libm::fabs(x) > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = libm::pow(x, y);
        if r.is_nan() {
            return Err(domain(vm));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain(vm) } else { range(vm) });
        }
        r
    };
    float::new(vm, r)
}

/// `log` of any real number or (arbitrarily large) int, with `f` the
/// logarithm and `ln2` its value at 2.
fn log_any(vm: &Vm, o: Obj, f: fn(f64) -> f64, ln2: f64) -> PyResult<f64> {
    if int::is_int(o) {
        let b = big_of(o);
        if b.signum() <= 0 {
            return Err(domain(vm));
        }
        return Ok(match b.to_f64() {
            Ok(x) => f(x),
            Err(_) => {
                let e = b.bit_length() - 64;
                let m = b.shr(e).to_f64().unwrap_or(1.0);
                f(m) + e as f64 * ln2
            }
        });
    }
    let x = real_arg(vm, o)?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(f(x))
}

fn m_log(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.has_kw() || args.pos.is_empty() || args.pos.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let ln2 = core::f64::consts::LN_2;
    let n = log_any(vm, args.pos[0], libm::log, ln2)?;
    match args.pos.get(1) {
        None => float::new(vm, n),
        Some(b) => {
            let d = log_any(vm, *b, libm::log, ln2)?;
            if d == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            float::new(vm, n / d)
        }
    }
}

fn m_log2(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let r = log_any(vm, one(vm, args, "log2")?, libm::log2, 1.0)?;
    float::new(vm, r)
}

fn m_log10(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let r = log_any(
        vm,
        one(vm, args, "log10")?,
        libm::log10,
        core::f64::consts::LOG10_2,
    )?;
    float::new(vm, r)
}

/// `floor`, `ceil` (honouring `__floor__`/`__ceil__`).
fn round_fn(
    vm: &Vm,
    args: &Args,
    name: &str,
    dunder: &'static str,
    f: fn(f64) -> f64,
) -> PyResult<Obj> {
    let x = one(vm, args, name)?;
    if let Some(v) = float::as_f64_exact(x).filter(|_| x.ty().is(&float::FLOAT_TYPE)) {
        return float::f64_to_int(vm, f(v));
    }
    if let Some(r) = abs::call_dunder(vm, x, dunder, &[])? {
        return Ok(r);
    }
    let v = real_arg(vm, x)?;
    float::f64_to_int(vm, f(v))
}

fn m_floor(vm: &Vm, args: &Args) -> PyResult<Obj> {
    round_fn(vm, args, "floor", "__floor__", libm::floor)
}

fn m_ceil(vm: &Vm, args: &Args) -> PyResult<Obj> {
    round_fn(vm, args, "ceil", "__ceil__", libm::ceil)
}

fn m_trunc(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = one(vm, args, "trunc")?;
    match abs::call_dunder(vm, x, "__trunc__", &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(&format!(
            "type {} doesn't define __trunc__ method",
            x.ty().name()
        ))),
    }
}

fn m_modf(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = real_arg(vm, one(vm, args, "modf")?)?;
    let (f, i) = if x.is_infinite() {
        (libm::copysign(0.0, x), x)
    } else {
        let i = libm::trunc(x);
        (libm::copysign(x - i, x), i)
    };
    let a = float::new(vm, f)?;
    let b = float::new(vm, i)?;
    tuple::new(vm, &[a, b])
}

fn m_frexp(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = real_arg(vm, one(vm, args, "frexp")?)?;
    let (m, e) = if x.is_finite() && x != 0.0 {
        libm::frexp(x)
    } else {
        (x, 0)
    };
    let a = float::new(vm, m)?;
    tuple::new(vm, &[a, Obj::small(e as isize)])
}

fn m_ldexp(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (xo, io) = two(vm, args, "ldexp")?;
    let x = real_arg(vm, xo)?;
    if !int::is_int(io) {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    let e = int::to_i64(io).unwrap_or(if big_of(io).is_negative() {
        i64::MIN
    } else {
        i64::MAX
    });
    if x == 0.0 || !x.is_finite() {
        return float::new(vm, x);
    }
    let e = e.clamp(-10000, 10000) as i32;
    let r = libm::ldexp(x, e);
    if r.is_infinite() {
        return Err(range(vm));
    }
    float::new(vm, r)
}

fn m_degrees(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = real_arg(vm, one(vm, args, "degrees")?)?;
    float::new(vm, x * (180.0 / core::f64::consts::PI))
}

fn m_radians(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = real_arg(vm, one(vm, args, "radians")?)?;
    float::new(vm, x * (core::f64::consts::PI / 180.0))
}

fn m_isfinite(vm: &Vm, args: &Args) -> PyResult<Obj> {
    Ok(py_bool(
        real_arg(vm, one(vm, args, "isfinite")?)?.is_finite(),
    ))
}
fn m_isinf(vm: &Vm, args: &Args) -> PyResult<Obj> {
    Ok(py_bool(
        real_arg(vm, one(vm, args, "isinf")?)?.is_infinite(),
    ))
}
fn m_isnan(vm: &Vm, args: &Args) -> PyResult<Obj> {
    Ok(py_bool(real_arg(vm, one(vm, args, "isnan")?)?.is_nan()))
}

fn m_isclose(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.pos.len() > 2 {
        return Err(vm.type_error(&format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.pos.len()
        )));
    }
    let [a, b, rt, at] = args.bind(vm, "isclose", ["a", "b", "rel_tol", "abs_tol"], 2)?;
    let a = real_arg(vm, a.unwrap_or(none()))?;
    let b = real_arg(vm, b.unwrap_or(none()))?;
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
    if a.is_infinite() || b.is_infinite() {
        return Ok(py_bool(false));
    }
    let d = libm::fabs(b - a);
    Ok(py_bool(
        (d <= libm::fabs(rel * b)) || (d <= libm::fabs(rel * a)) || d <= abst,
    ))
}

/// An `__index__`-able argument as a BigInt.
fn int_arg(vm: &Vm, o: Obj) -> PyResult<BigInt> {
    Ok(big_of(abs::index(vm, o)?))
}

fn factorial_of(vm: &Vm, n: u64) -> PyResult<BigInt> {
    let mut acc = BigInt::one();
    let mut chunk: u64 = 1;
    for i in 2..=n {
        match chunk.checked_mul(i) {
            Some(c) => chunk = c,
            None => {
                acc = acc.mul(&BigInt::from_u64(chunk));
                chunk = i;
            }
        }
        if i & 0xffff == 0 {
            vm.check_stack()?;
        }
    }
    Ok(acc.mul(&BigInt::from_u64(chunk)))
}

fn m_factorial(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let n = int_arg(vm, one(vm, args, "factorial")?)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    let r = factorial_of(vm, n as u64)?;
    int::from_bigint(vm, &r)
}

fn m_gcd(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error("gcd() takes no keyword arguments"));
    }
    let mut g = BigInt::zero();
    for a in args.pos {
        g = g.gcd(&int_arg(vm, *a)?);
    }
    int::from_bigint(vm, &g)
}

fn m_lcm(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error("lcm() takes no keyword arguments"));
    }
    let mut l = BigInt::one();
    for a in args.pos {
        let b = int_arg(vm, *a)?;
        if b.is_zero() || l.is_zero() {
            l = BigInt::zero();
            continue;
        }
        let g = l.gcd(&b);
        l = l
            .div_floor(&g)
            .map_err(|e| int_err(vm, e, ""))?
            .mul(&b)
            .abs();
    }
    int::from_bigint(vm, &l)
}

/// `n * (n-1) * ... * (n-k+1)`, divided stepwise by `k!` when `comb`.
fn falling(vm: &Vm, n: &BigInt, k: u64, comb: bool) -> PyResult<BigInt> {
    let mut r = BigInt::one();
    for i in 0..k {
        r = r.mul(&n.sub(&BigInt::from_u64(i)));
        if comb {
            r = r
                .div_floor(&BigInt::from_u64(i + 1))
                .map_err(|e| int_err(vm, e, ""))?;
        }
    }
    Ok(r)
}

fn nk_args(vm: &Vm, n: Obj, k: Obj) -> PyResult<(BigInt, BigInt)> {
    let n = int_arg(vm, n)?;
    let k = int_arg(vm, k)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn m_comb(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (n, k) = two(vm, args, "comb")?;
    let (n, k) = nk_args(vm, n, k)?;
    if k > n {
        return Ok(Obj::small(0));
    }
    let nk = n.sub(&k);
    let k = if nk < k { nk } else { k };
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(vm.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    let r = falling(vm, &n, k, true)?;
    int::from_bigint(vm, &r)
}

fn m_perm(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.has_kw() || args.pos.is_empty() || args.pos.len() > 2 {
        return Err(vm.type_error(&format!(
            "perm expected at most 2 arguments, got {}",
            args.pos.len()
        )));
    }
    if args.pos.len() == 1 || args.pos[1].is_none() {
        return m_factorial(vm, &Args::new(&args.pos[..1]));
    }
    let (n, k) = nk_args(vm, args.pos[0], args.pos[1])?;
    if k > n {
        return Ok(Obj::small(0));
    }
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(vm.overflow_error("k must not exceed 9223372036854775807"));
    };
    let r = falling(vm, &n, k, false)?;
    int::from_bigint(vm, &r)
}

fn m_isqrt(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let n = int_arg(vm, one(vm, args, "isqrt")?)?;
    let r = n.isqrt().map_err(|e| int_err(vm, e, ""))?;
    int::from_bigint(vm, &r)
}

fn m_prod(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.pos.len() != 1 {
        return Err(vm.type_error(&format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.pos.len()
        )));
    }
    let [_, start] = args.bind(vm, "prod", ["iterable", "start"], 1)?;
    let mut acc = start.unwrap_or(Obj::small(1));
    let it = abs::iter(vm, args.pos[0])?;
    while let Some(x) = abs::next(vm, it)? {
        acc = abs::binary_op(vm, BinOp::Mul, acc, x, false)?;
    }
    Ok(acc)
}

fn m_fsum(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let it = abs::iter(vm, one(vm, args, "fsum")?)?;
    let mut p: Vec<f64> = Vec::new();
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(o) = abs::next(vm, it)? {
        let xs = real_arg(vm, o)?;
        let mut x = xs;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if libm::fabs(x) < libm::fabs(y) {
                core::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xs.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xs.is_infinite() {
                    inf_sum += xs;
                }
                special += xs;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return float::new(vm, special);
    }
    let mut hi = 0.0;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    float::new(vm, hi)
}

/// CPython's accurate `vector_norm` (hypot/dist) of non-negative values.
fn vector_norm(v: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, e) = libm::frexp(max);
    if e < -1023 {
        for x in v.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(v, max / f64::MIN_POSITIVE, false);
    }
    let scale = libm::ldexp(1.0, -e);
    let mul = |x: f64, y: f64| {
        let z = x * y;
        (z, libm::fma(x, y, -z))
    };
    let fsum2 = |a: f64, b: f64| {
        let x = a + b;
        (x, (a - x) + b)
    };
    let (mut csum, mut f1, mut f2) = (1.0f64, 0.0f64, 0.0f64);
    for x in v.iter() {
        let x = x * scale;
        let (hi, lo) = mul(x, x);
        let (s, l) = fsum2(csum, hi);
        csum = s;
        f1 += lo;
        f2 += l;
    }
    let mut h = libm::sqrt(csum - 1.0 + (f1 + f2));
    let (hi, lo) = mul(-h, h);
    let (s, l) = fsum2(csum, hi);
    csum = s;
    f1 += lo;
    f2 += l;
    let x = csum - 1.0 + (f1 + f2);
    h += x / (2.0 * h);
    h / scale
}

fn norm_of(v: &mut [f64]) -> f64 {
    let mut max = 0.0f64;
    let mut nan = false;
    for x in v.iter_mut() {
        *x = libm::fabs(*x);
        nan |= x.is_nan();
        if *x > max {
            max = *x;
        }
    }
    vector_norm(v, max, nan)
}

fn m_hypot(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error("hypot() takes no keyword arguments"));
    }
    let mut v = Vec::with_capacity(args.pos.len());
    for a in args.pos {
        v.push(real_arg(vm, *a)?);
    }
    float::new(vm, norm_of(&mut v))
}

fn m_dist(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (p, q) = two(vm, args, "dist")?;
    if !tuple::is_tuple(p) && !crate::obj::list::is_list(p)
        || !tuple::is_tuple(q) && !crate::obj::list::is_list(q)
    {
        // CPython requires sequences; iterables are converted with tuple().
        let _ = (abs::iter(vm, p)?, abs::iter(vm, q)?);
    }
    let pv = abs::to_vec(vm, p)?;
    let qv = abs::to_vec(vm, q)?;
    if pv.len() != qv.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut d = Vec::with_capacity(pv.len());
    for (a, b) in pv.iter().zip(qv.iter()) {
        d.push(real_arg(vm, *a)? - real_arg(vm, *b)?);
    }
    float::new(vm, norm_of(&mut d))
}

fn m_nextafter(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (x, y) = two_f(vm, args, "nextafter")?;
    float::new(vm, libm::nextafter(x, y))
}

fn m_ulp(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = real_arg(vm, one(vm, args, "ulp")?)?;
    if x.is_nan() {
        return float::new(vm, x);
    }
    let x = libm::fabs(x);
    if x.is_infinite() {
        return float::new(vm, x);
    }
    let x2 = libm::nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        return float::new(vm, x - libm::nextafter(x, f64::NEG_INFINITY));
    }
    float::new(vm, x2 - x)
}

static MATH_FUNCS: [AttrEntry; 55] = [
    function!("sqrt", m_sqrt),
    function!("exp", m_exp),
    function!("exp2", m_exp2),
    function!("expm1", m_expm1),
    function!("log", m_log),
    function!("log2", m_log2),
    function!("log10", m_log10),
    function!("log1p", m_log1p),
    function!("cbrt", m_cbrt),
    function!("pow", m_pow),
    function!("sin", m_sin),
    function!("cos", m_cos),
    function!("tan", m_tan),
    function!("asin", m_asin),
    function!("acos", m_acos),
    function!("atan", m_atan),
    function!("atan2", m_atan2),
    function!("sinh", m_sinh),
    function!("cosh", m_cosh),
    function!("tanh", m_tanh),
    function!("asinh", m_asinh),
    function!("acosh", m_acosh),
    function!("atanh", m_atanh),
    function!("floor", m_floor),
    function!("ceil", m_ceil),
    function!("trunc", m_trunc),
    function!("fabs", m_fabs),
    function!("fmod", m_fmod),
    function!("modf", m_modf),
    function!("frexp", m_frexp),
    function!("ldexp", m_ldexp),
    function!("copysign", m_copysign),
    function!("hypot", m_hypot),
    function!("isfinite", m_isfinite),
    function!("isinf", m_isinf),
    function!("isnan", m_isnan),
    function!("isclose", m_isclose),
    function!("degrees", m_degrees),
    function!("radians", m_radians),
    function!("factorial", m_factorial),
    function!("gcd", m_gcd),
    function!("lcm", m_lcm),
    function!("comb", m_comb),
    function!("perm", m_perm),
    function!("isqrt", m_isqrt),
    function!("prod", m_prod),
    function!("fsum", m_fsum),
    function!("dist", m_dist),
    function!("erf", m_erf),
    function!("erfc", m_erfc),
    function!("gamma", m_gamma),
    function!("lgamma", m_lgamma),
    function!("remainder", m_remainder),
    function!("nextafter", m_nextafter),
    function!("ulp", m_ulp),
];

/// Create the `math` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = module::new(vm, "math")?;
    let d = module::dict_of(m);
    for e in MATH_FUNCS.iter() {
        dict::set_str(vm, d, e.name, e.obj.get())?;
    }
    let consts = [
        ("pi", core::f64::consts::PI),
        ("e", core::f64::consts::E),
        ("tau", core::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (n, v) in consts {
        let f = float::new(vm, v)?;
        dict::set_str(vm, d, n, f)?;
    }
    Ok(m)
}
