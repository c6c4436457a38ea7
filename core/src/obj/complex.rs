//! `complex`: boxed pair of `f64`.

use super::attr::AttrEntry;
use super::intmethods::{self as im, self_arg, text_err, K_COMPLEX};
use super::{
    float, int, not_implemented, py_bool, Args, BinOp, CmpOp, Layout, Obj, ObjHead, PyPayload,
    Slots, TypeObj, UnOp,
};
use crate::text::{double_to_string, DtoaFlags};
use crate::vm::{abs, PyResult, Vm};
use crate::{getset, method};
use alloc::format;
use alloc::string::String;

#[repr(C)]
pub struct ComplexObj {
    pub head: ObjHead,
    pub re: f64,
    pub im: f64,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for ComplexObj {
    const LAYOUT: Layout = Layout::Complex;
}

type C = (f64, f64);

pub fn new(vm: &Vm, re: f64, im: f64) -> PyResult<Obj> {
    vm.alloc_obj(ComplexObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &COMPLEX_TYPE,
        },
        re,
        im,
    })
}

fn new_typed(vm: &Vm, t: &'static TypeObj, re: f64, im: f64) -> PyResult<Obj> {
    if t.is(&COMPLEX_TYPE) {
        return new(vm, re, im);
    }
    vm.alloc_obj_sized(
        ComplexObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            re,
            im,
        },
        t.basicsize,
    )
}

/// `(real, imag)` of a complex (or subclass) object; `(0, 0)` otherwise.
pub fn parts(o: Obj) -> C {
    o.downcast::<ComplexObj>()
        .map(|c| (c.re, c.im))
        .unwrap_or((0.0, 0.0))
}

/// An int, float or complex as a complex value; `None` for other types.
pub fn as_complex(vm: &Vm, o: Obj) -> PyResult<Option<C>> {
    if let Some(c) = o.downcast::<ComplexObj>() {
        return Ok(Some((c.re, c.im)));
    }
    Ok(float::to_f64(vm, o)?.map(|x| (x, 0.0)))
}

fn mul(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b` (Smith's method, as CPython); `None` for division by zero.
fn quot(a: C, b: C) -> Option<C> {
    let (abr, abi) = (libm::fabs(b.0), libm::fabs(b.1));
    if abr >= abi {
        if abr == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abi >= abr {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `a ** b` for complex values, CPython's `complex_pow`.
pub fn complex_pow(vm: &Vm, a: C, b: C) -> PyResult<Obj> {
    let zero = || vm.zero_division("0.0 to a negative or complex power");
    let r = if b.1 == 0.0 && b.0 == libm::floor(b.0) && libm::fabs(b.0) <= 100.0 {
        let n = b.0 as i64;
        let mut r = (1.0, 0.0);
        let mut p = a;
        let mut m = n.unsigned_abs();
        while m > 0 {
            if m & 1 == 1 {
                r = mul(r, p);
            }
            m >>= 1;
            p = mul(p, p);
        }
        if n < 0 {
            quot((1.0, 0.0), r).ok_or_else(zero)?
        } else {
            r
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(zero());
        }
        (0.0, 0.0)
    } else {
        let vabs = libm::hypot(a.0, a.1);
        let mut len = libm::pow(vabs, b.0);
        let at = libm::atan2(a.1, a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= libm::exp(at * b.1);
            phase += b.1 * libm::log(vabs);
        }
        (len * libm::cos(phase), len * libm::sin(phase))
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(vm.overflow_error("complex exponentiation"));
    }
    new(vm, r.0, r.1)
}

fn complex_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, _inplace: bool) -> PyResult<Obj> {
    let ok = |o: Obj| {
        o.downcast::<ComplexObj>().is_some() || float::as_f64_exact(o).is_some() || int::is_int(o)
    };
    if !ok(a) || !ok(b) {
        return Ok(not_implemented());
    }
    let (Some(x), Some(y)) = (as_complex(vm, a)?, as_complex(vm, b)?) else {
        return Ok(not_implemented());
    };
    let r = match op {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Sub => (x.0 - y.0, x.1 - y.1),
        BinOp::Mul => mul(x, y),
        BinOp::TrueDiv => quot(x, y).ok_or_else(|| vm.zero_division("complex division by zero"))?,
        BinOp::Pow => return complex_pow(vm, x, y),
        _ => return Ok(not_implemented()),
    };
    new(vm, r.0, r.1)
}

fn complex_unary(vm: &Vm, op: UnOp, o: Obj) -> PyResult<Obj> {
    let (re, im) = parts(o);
    match op {
        UnOp::Neg => new(vm, -re, -im),
        UnOp::Pos => new(vm, re, im),
        UnOp::Invert => Err(vm.type_error("bad operand type for unary ~: 'complex'")),
    }
}

fn complex_cmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(not_implemented());
    }
    let (re, im) = parts(a);
    let eq = if int::is_int(b) {
        im == 0.0 && float::cmp_int_float(b, re, CmpOp::Eq)
    } else if let Some(f) = float::as_f64_exact(b) {
        re == f && im == 0.0
    } else if let Some(c) = b.downcast::<ComplexObj>() {
        re == c.re && im == c.im
    } else {
        let _ = vm;
        return Ok(not_implemented());
    };
    Ok(py_bool(eq == (op == CmpOp::Eq)))
}

fn dts(x: f64, code: char, prec: usize, flags: DtoaFlags) -> String {
    double_to_string(x, code, prec, flags).unwrap_or_default()
}

/// `repr(complex)`.
pub fn repr_parts(re: f64, im: f64) -> String {
    let f = DtoaFlags::default();
    let i = dts(im, 'r', 0, f);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", i);
    }
    let sign = if i.starts_with('-') { "" } else { "+" };
    format!("({}{}{}j)", dts(re, 'r', 0, f), sign, i)
}

fn complex_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let (re, im) = parts(o);
    vm.new_string(repr_parts(re, im))
}

fn complex_hash(_vm: &Vm, o: Obj) -> PyResult<isize> {
    let (re, im) = parts(o);
    let h = (float::hash_value(re, o) as usize)
        .wrapping_add(1000003usize.wrapping_mul(float::hash_value(im, o) as usize));
    let h = h as isize;
    Ok(if h == -1 { -2 } else { h })
}

fn complex_bool(_vm: &Vm, o: Obj) -> PyResult<bool> {
    let (re, im) = parts(o);
    Ok(re != 0.0 || im != 0.0)
}

/// Parse `complex(str)`; `None` for a malformed string.
fn parse_complex(s: &str) -> Option<C> {
    let mut s = s.trim();
    if let Some(inner) = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        s = inner.trim();
    }
    if s.is_empty() || s.chars().any(|c| c.is_whitespace()) {
        return None;
    }
    let num = |t: &str| -> Option<f64> {
        if t.is_empty()
            || t.starts_with(['+', '-']) && t.len() > 1 && t[1..].starts_with(['+', '-'])
        {
            return None;
        }
        crate::text::parse_float(t)
    };
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return Some((num(s)?, 0.0));
    };
    let b = body.as_bytes();
    let split = (1..b.len())
        .rev()
        .find(|&k| matches!(b[k], b'+' | b'-') && !matches!(b[k - 1], b'e' | b'E'));
    let (re, imt) = match split {
        Some(k) => (num(&body[..k])?, &body[k..]),
        None => (0.0, body),
    };
    let im = match imt {
        "" | "+" => 1.0,
        "-" => -1.0,
        t => num(t)?,
    };
    Some((re, im))
}

/// The value of a `complex()` argument: `(value, is_complex)`.
fn ctor_arg(vm: &Vm, o: Obj, first: bool) -> PyResult<(C, bool)> {
    if let Some(c) = o.downcast::<ComplexObj>() {
        if o.ty().is(&COMPLEX_TYPE) || !first {
            return Ok(((c.re, c.im), true));
        }
    }
    if first && !o.ty().is(&COMPLEX_TYPE) {
        if let Some(r) = abs::call_dunder(vm, o, "__complex__", &[])? {
            return match r.downcast::<ComplexObj>() {
                Some(c) => Ok(((c.re, c.im), true)),
                None => Err(vm.type_error(&format!(
                    "__complex__ returned non-complex (type {})",
                    r.ty().name()
                ))),
            };
        }
    }
    if let Some(c) = o.downcast::<ComplexObj>() {
        return Ok(((c.re, c.im), true));
    }
    let t = o.ty();
    if t.slots.float.is_none() && t.slots.index.is_none() {
        return Err(vm.type_error(&if first {
            format!(
                "complex() first argument must be a string or a number, not '{}'",
                t.name()
            )
        } else {
            format!(
                "complex() second argument must be a number, not '{}'",
                t.name()
            )
        }));
    }
    Ok(((float::real_arg(vm, o)?, 0.0), false))
}

fn complex_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    let [r, i] = args.bind(vm, "complex", ["real", "imag"], 0)?;
    let Some(r) = r else {
        return match i {
            None => new_typed(vm, t, 0.0, 0.0),
            Some(i) => {
                let (ci, cic) = ctor_arg(vm, i, false)?;
                new_typed(vm, t, if cic { -ci.1 } else { 0.0 }, ci.0)
            }
        };
    };
    if let Some(s) = super::str::as_str(r) {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let (re, im) = parse_complex(s)
            .ok_or_else(|| vm.value_error("complex() arg is a malformed string"))?;
        return new_typed(vm, t, re, im);
    }
    if i.is_some_and(super::str::is_str) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    if i.is_none() && t.is(&COMPLEX_TYPE) && r.ty().is(&COMPLEX_TYPE) {
        return Ok(r);
    }
    let (mut cr, crc) = ctor_arg(vm, r, true)?;
    let (mut ci, cic) = match i {
        None => ((cr.1, 0.0), false),
        Some(i) => ctor_arg(vm, i, false)?,
    };
    if cic {
        cr.0 -= ci.1;
    }
    if crc && i.is_some() {
        ci.0 += cr.1;
    }
    new_typed(vm, t, cr.0, ci.0)
}

// ------------------------------------------------------------ methods

fn self_c(vm: &Vm, args: &Args, name: &str, n: usize) -> PyResult<C> {
    Ok(parts(self_arg(vm, args, K_COMPLEX, name, n, n)?))
}

fn m_conjugate(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (re, im) = self_c(vm, args, "conjugate", 1)?;
    new(vm, re, -im)
}

fn m_complex(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (re, im) = self_c(vm, args, "__complex__", 1)?;
    new(vm, re, im)
}

/// `abs(z)`.
pub fn complex_abs(vm: &Vm, re: f64, im: f64) -> PyResult<f64> {
    let r = libm::hypot(re, im);
    if r.is_infinite() && re.is_finite() && im.is_finite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(r)
}

fn m_abs(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (re, im) = self_c(vm, args, "__abs__", 1)?;
    float::new(vm, complex_abs(vm, re, im)?)
}

fn m_format(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (re, imv) = self_c(vm, args, "__format__", 2)?;
    let spec = im::spec_arg(vm, args.pos[1])?;
    if spec.is_empty() {
        return vm.new_string(repr_parts(re, imv));
    }
    let sp = crate::text::parse_spec(spec, "complex").map_err(|e| text_err(vm, e))?;
    if sp.zero || sp.fill == '0' {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if sp.align == Some('=') {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let mut ty = match sp.ty {
        None => 'r',
        Some('n') => 'g',
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => c,
        Some(c) => {
            return Err(vm.value_error(&format!(
                "Unknown format code '{}' for object of type 'complex'",
                c
            )));
        }
    };
    let skip_re = sp.ty.is_none() && re == 0.0 && re.is_sign_positive();
    let parens = sp.ty.is_none() && !skip_re;
    let prec = match sp.precision {
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
        None if ty == 'r' => 0,
        None => 6,
    };
    let flags = DtoaFlags {
        alt: sp.alternate,
        add_dot_0: false,
        no_neg_0: sp.z,
    };
    let signed = |x: f64, sign: Option<char>| -> String {
        let s = dts(x, ty, prec, flags);
        match sign {
            Some(c @ ('+' | ' ')) if !s.starts_with('-') => format!("{}{}", c, s),
            _ => s,
        }
    };
    let mut out = String::new();
    if parens {
        out.push('(');
    }
    if !skip_re {
        out.push_str(&signed(re, sp.sign));
    }
    out.push_str(&signed(imv, if skip_re { sp.sign } else { Some('+') }));
    out.push('j');
    if parens {
        out.push(')');
    }
    let pad = crate::text::Spec {
        align: Some(sp.align.unwrap_or('>')),
        ..crate::text::Spec::empty("complex")
    };
    let pad = crate::text::Spec {
        fill: sp.fill,
        width: sp.width,
        ..pad
    };
    let r = crate::text::format_str(&out, &pad).map_err(|e| text_err(vm, e))?;
    vm.new_string(r)
}

fn g_real(vm: &Vm, o: Obj) -> PyResult<Obj> {
    float::new(vm, parts(o).0)
}
fn g_imag(vm: &Vm, o: Obj) -> PyResult<Obj> {
    float::new(vm, parts(o).1)
}

fn m_sizeof(vm: &Vm, args: &Args) -> PyResult<Obj> {
    self_c(vm, args, "__sizeof__", 1)?;
    Ok(Obj::small(32))
}

static COMPLEX_ATTRS: [AttrEntry; 30] = crate::num_attrs!(K_COMPLEX; [
    method!("conjugate", m_conjugate),
    getset!("real", g_real),
    getset!("imag", g_imag),
    method!("__abs__", m_abs),
    method!("__complex__", m_complex),
    method!("__format__", m_format),
    method!("__sizeof__", m_sizeof),
];
    (Add, "__add__", "__radd__"),
    (Sub, "__sub__", "__rsub__"),
    (Mul, "__mul__", "__rmul__"),
    (TrueDiv, "__truediv__", "__rtruediv__"),
    (Pow, "__pow__", "__rpow__"),
);

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static COMPLEX_TYPE: TypeObj = TypeObj::builtin(
    "complex",
    Layout::Complex,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(complex_repr),
        hash: Some(complex_hash),
        richcmp: Some(complex_cmp),
        num: Some(complex_num),
        unary: Some(complex_unary),
        bool: Some(complex_bool),
        new: Some(complex_new),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &COMPLEX_ATTRS,
    core::mem::size_of::<ComplexObj>(),
    super::tpflags::BASETYPE,
);
