//! The `struct` module: packing values to and from bytes with CPython's
//! format strings, sizes, alignment and error messages. `Struct` is a class
//! made on import whose instances keep their format in `__dict__`.

use crate::function;
use crate::method;
use crate::obj::attr::AttrEntry;
use crate::obj::{
    bytearray, bytes, dict, exc, float, int, list, module, none, py_bool, str as pystr, tuple,
    Args, Obj,
};
use crate::vm::{abs, PyResult, Raised, Vm};
use alloc::format;
use alloc::vec::Vec;

fn err(vm: &Vm, msg: &str) -> Raised {
    super::raise_mod_error(vm, "struct", "error", &exc::EXCEPTION, msg)
}

/// A parsed format: byte order (`true`: little-endian), native sizes and
/// alignment, and the items as (code, count).
struct Fmt {
    little: bool,
    native: bool,
    items: Vec<(u8, usize)>,
}

const W: usize = core::mem::size_of::<usize>();

/// Size of one `c` item (0: not a format character).
fn item_size(c: u8, native: bool) -> usize {
    match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                W
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => W,
        _ => 0,
    }
}

impl Fmt {
    fn parse(vm: &Vm, f: &[u8]) -> PyResult<Fmt> {
        let (little, native, rest) = match f.first() {
            Some(b'<') => (true, false, &f[1..]),
            Some(b'>') | Some(b'!') => (false, false, &f[1..]),
            Some(b'=') => (cfg!(target_endian = "little"), false, &f[1..]),
            Some(b'@') => (cfg!(target_endian = "little"), true, &f[1..]),
            _ => (cfg!(target_endian = "little"), true, f),
        };
        let mut items = Vec::new();
        let mut i = 0;
        while i < rest.len() {
            let mut c = rest[i];
            i += 1;
            if c.is_ascii_whitespace() {
                continue;
            }
            let mut n = 1usize;
            if c.is_ascii_digit() {
                n = (c - b'0') as usize;
                loop {
                    let Some(&d) = rest.get(i) else {
                        return Err(err(vm, "repeat count given without format specifier"));
                    };
                    i += 1;
                    if !d.is_ascii_digit() {
                        c = d;
                        break;
                    }
                    n = n
                        .checked_mul(10)
                        .and_then(|n| n.checked_add((d - b'0') as usize))
                        .ok_or_else(|| err(vm, "total struct size too long"))?;
                }
            }
            if item_size(c, native) == 0 {
                return Err(err(vm, "bad char in struct format"));
            }
            items.push((c, n));
        }
        let f = Fmt {
            little,
            native,
            items,
        };
        if f.layout().1 >= isize::MAX as usize {
            return Err(err(vm, "total struct size too long"));
        }
        Ok(f)
    }
    /// Offset of each item (after alignment) and the total size.
    fn layout(&self) -> (Vec<usize>, usize) {
        let mut offs = Vec::with_capacity(self.items.len());
        let mut pos = 0usize;
        for &(c, n) in &self.items {
            let sz = item_size(c, self.native);
            if self.native && !matches!(c, b's' | b'p') {
                pos = pos.div_ceil(sz).saturating_mul(sz);
            }
            offs.push(pos);
            pos = pos.saturating_add(sz.saturating_mul(n));
        }
        (offs, pos)
    }
    fn nargs(&self) -> usize {
        self.items
            .iter()
            .map(|&(c, n)| match c {
                b'x' => 0,
                b's' | b'p' => 1,
                _ => n,
            })
            .sum()
    }
}

fn fmt_of(vm: &Vm, o: Obj) -> PyResult<Fmt> {
    if let Some(s) = pystr::as_str(o) {
        return Fmt::parse(vm, s.as_bytes());
    }
    if let Some(b) = bytes::as_bytes(o) {
        return Fmt::parse(vm, b);
    }
    Err(vm.type_error(&format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        o.ty().name()
    )))
}

fn put(out: &mut [u8], v: u64, sz: usize, little: bool) {
    for k in 0..sz {
        let byte = (v >> (8 * k)) as u8;
        if little {
            out[k] = byte;
        } else {
            out[sz - 1 - k] = byte;
        }
    }
}
fn get(b: &[u8], sz: usize, little: bool) -> u64 {
    let mut v = 0u64;
    for k in 0..sz {
        let byte = if little { b[k] } else { b[sz - 1 - k] };
        v |= (byte as u64) << (8 * k);
    }
    v
}

fn int_arg(vm: &Vm, o: Obj) -> PyResult<i128> {
    if !int::is_int(o) && abs::getattr_opt_str(vm, o.type_obj(), "__index__")?.is_none() {
        return Err(err(vm, "required argument is not an integer"));
    }
    let i = abs::index(vm, o)?;
    Ok(int::to_bigint(i)
        .and_then(|b| b.to_i128())
        .unwrap_or(i128::MAX))
}

fn pack_int(vm: &Vm, c: u8, sz: usize, o: Obj) -> PyResult<u64> {
    let v = int_arg(vm, o)?;
    let signed = c.is_ascii_lowercase();
    if c == b'P' {
        if v < i64::MIN as i128 || v > u64::MAX as i128 {
            return Err(err(vm, "int too large to convert"));
        }
        return Ok(v as u64);
    }
    let named = matches!(c, b'b' | b'B' | b'h' | b'H');
    let ok64 = if signed || named {
        i64::try_from(v).is_ok()
    } else {
        u64::try_from(v).is_ok()
    };
    if !ok64 {
        return Err(err(vm, "argument out of range"));
    }
    if sz < 8 {
        let bits = 8 * sz as u32;
        let (lo, hi) = if signed {
            (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
        } else {
            (0, (1i128 << bits) - 1)
        };
        if v < lo || v > hi {
            let name = match c {
                b'b' => "byte format",
                b'B' => "ubyte format",
                b'h' => "short format",
                b'H' => "ushort format",
                _ => "",
            };
            let msg = if name.is_empty() {
                format!("'{}' format requires {} <= number <= {}", c as char, lo, hi)
            } else {
                format!("{} requires {} <= number <= {}", name, lo, hi)
            };
            return Err(err(vm, &msg));
        }
    }
    Ok(v as u64)
}

/// f64 to IEEE half bits (`None`: too large).
fn to_half(x: f64) -> Option<u16> {
    let sign = if x.is_sign_negative() { 0x8000u16 } else { 0 };
    let a = libm::fabs(x);
    if a.is_nan() {
        return Some(sign | 0x7e00);
    }
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    let (_, e) = libm::frexp(a);
    let mut exp = e - 1;
    if exp < -14 {
        let q = float::round_half_even(libm::ldexp(a, 24)) as u16;
        return Some(sign | q);
    }
    let mut q = float::round_half_even(libm::ldexp(a, 10 - exp)) as u32;
    if q == 2048 {
        q = 1024;
        exp += 1;
    }
    if exp > 15 {
        return None;
    }
    Some(sign | (((exp + 15) as u16) << 10) | (q - 1024) as u16)
}
fn from_half(h: u16) -> f64 {
    let s = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 31) as i32;
    let f = (h & 1023) as f64;
    s * match e {
        0 => libm::ldexp(f, -24),
        31 if f == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => libm::ldexp(1024.0 + f, e - 25),
    }
}

fn float_arg(vm: &Vm, o: Obj) -> PyResult<f64> {
    match float::to_f64(vm, o)? {
        Some(f) => Ok(f),
        None => Err(err(vm, "required argument is not a float")),
    }
}

fn pack_to(vm: &Vm, f: &Fmt, vals: &[Obj], out: &mut [u8]) -> PyResult<()> {
    let (offs, _) = f.layout();
    let mut a = vals.iter();
    let mut next = || a.next().copied().unwrap_or(none());
    for (&(c, n), &off) in f.items.iter().zip(&offs) {
        let sz = item_size(c, f.native);
        if c == b's' || c == b'p' {
            let o = next();
            let d = bytes::as_bytes(o)
                .or_else(|| (o.ty().is(&bytearray::BYTEARRAY_TYPE)).then(|| bytearray::data(o)))
                .ok_or_else(|| {
                    err(
                        vm,
                        &format!("argument for '{}' must be a bytes object", c as char),
                    )
                })?;
            let dst = &mut out[off..off + n];
            if c == b's' {
                let k = d.len().min(n);
                dst[..k].copy_from_slice(&d[..k]);
            } else if n > 0 {
                let k = d.len().min(n - 1).min(255);
                dst[0] = k as u8;
                dst[1..1 + k].copy_from_slice(&d[..k]);
            }
            continue;
        }
        for i in 0..n {
            let dst = &mut out[off + i * sz..off + (i + 1) * sz];
            let v = match c {
                b'x' => continue,
                b'c' => {
                    let o = next();
                    match bytes::buffer_of(o) {
                        Some([b]) if o.layout() != crate::obj::Layout::MemoryView => *b as u64,
                        _ => {
                            return Err(err(vm, "char format requires a bytes object of length 1"))
                        }
                    }
                }
                b'?' => abs::truthy(vm, next())? as u64,
                b'e' => to_half(float_arg(vm, next())?)
                    .ok_or_else(|| vm.overflow_error("float too large to pack with e format"))?
                    as u64,
                b'f' => {
                    let x = float_arg(vm, next())?;
                    let y = x as f32;
                    if y.is_infinite() && x.is_finite() && !f.native {
                        return Err(vm.overflow_error("float too large to pack with f format"));
                    }
                    y.to_bits() as u64
                }
                b'd' => float_arg(vm, next())?.to_bits(),
                _ => pack_int(vm, c, sz, next())?,
            };
            put(dst, v, sz, f.little);
        }
    }
    Ok(())
}

fn pack(vm: &Vm, f: &Fmt, vals: &[Obj]) -> PyResult<Vec<u8>> {
    let want = f.nargs();
    if vals.len() != want {
        return Err(err(
            vm,
            &format!(
                "pack expected {} items for packing (got {})",
                want,
                vals.len()
            ),
        ));
    }
    let (_, size) = f.layout();
    let mut out = super::vec_with(vm, size)?;
    out.resize(size, 0u8);
    pack_to(vm, f, vals, &mut out)?;
    Ok(out)
}

fn unpack(vm: &Vm, f: &Fmt, b: &[u8]) -> PyResult<Obj> {
    let (offs, _) = f.layout();
    let mut out = Vec::new();
    for (&(c, n), &off) in f.items.iter().zip(&offs) {
        let sz = item_size(c, f.native);
        if c == b's' {
            out.push(bytes::new(vm, &b[off..off + n])?);
            continue;
        }
        if c == b'p' {
            let k = if n == 0 {
                0
            } else {
                (b[off] as usize).min(n - 1)
            };
            out.push(bytes::new(vm, &b[off + 1.min(n)..off + 1.min(n) + k])?);
            continue;
        }
        for i in 0..n {
            let src = &b[off + i * sz..off + (i + 1) * sz];
            let v = get(src, sz, f.little);
            let o = match c {
                b'x' => continue,
                b'c' => bytes::new(vm, src)?,
                b'?' => py_bool(v != 0),
                b'e' => float::new(vm, from_half(v as u16))?,
                b'f' => float::new(vm, f32::from_bits(v as u32) as f64)?,
                b'd' => float::new(vm, f64::from_bits(v))?,
                _ if c.is_ascii_lowercase() => {
                    let sh = 64 - 8 * sz as u32;
                    int::new_i64(vm, ((v << sh) as i64) >> sh)?
                }
                _ => crate::obj::intmethods::new_i128(vm, v as i128)?,
            };
            out.push(o);
        }
    }
    tuple::new(vm, &out)
}

fn buf_arg(vm: &Vm, o: Obj) -> PyResult<&'static [u8]> {
    bytes::buffer_of(o).ok_or_else(|| {
        vm.type_error(&format!(
            "a bytes-like object is required, not '{}'",
            o.ty().name()
        ))
    })
}

fn do_unpack(vm: &Vm, f: &Fmt, o: Obj) -> PyResult<Obj> {
    let (_, size) = f.layout();
    let b = buf_arg(vm, o)?;
    if b.len() != size {
        return Err(err(
            vm,
            &format!("unpack requires a buffer of {} bytes", size),
        ));
    }
    unpack(vm, f, b)
}

/// Resolve an offset into a buffer of `len` bytes for an item of `size`.
fn offset(vm: &Vm, off: isize, size: usize, len: usize, what: &str) -> PyResult<usize> {
    let mut o = off;
    if o < 0 {
        if o.unsigned_abs() > len {
            return Err(err(
                vm,
                &format!("offset {} out of range for {}-byte buffer", off, len),
            ));
        }
        o += len as isize;
        if len - (o as usize) < size {
            let m = if what == "pack_into" {
                format!("no space to pack {} bytes at offset {}", size, off)
            } else {
                format!("not enough data to unpack {} bytes at offset {}", size, off)
            };
            return Err(err(vm, &m));
        }
    }
    let o = o as usize;
    if len.saturating_sub(o) < size || o > len {
        let m = if what == "pack_into" {
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})",
                size + o, size, o, len
            )
        } else {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                size + o, size, o, len
            )
        };
        return Err(err(vm, &m));
    }
    Ok(o)
}

fn do_unpack_from(vm: &Vm, f: &Fmt, b: Obj, off: Option<Obj>) -> PyResult<Obj> {
    let (_, size) = f.layout();
    let data = buf_arg(vm, b)?;
    let off = match off {
        Some(o) => abs::index_isize(vm, o)?,
        None => 0,
    };
    let o = offset(vm, off, size, data.len(), "unpack_from")?;
    unpack(vm, f, &buf_arg(vm, b)?[o..o + size])
}

fn do_pack_into(vm: &Vm, f: &Fmt, buf: Obj, off: Obj, vals: &[Obj]) -> PyResult<Obj> {
    let want = f.nargs();
    if vals.len() != want {
        return Err(err(
            vm,
            &format!(
                "pack_into expected {} items for packing (got {})",
                want,
                vals.len()
            ),
        ));
    }
    if !buf.ty().is(&bytearray::BYTEARRAY_TYPE) {
        return Err(vm.type_error(&format!(
            "argument must be read-write bytes-like object, not {}",
            buf.ty().name()
        )));
    }
    let (_, size) = f.layout();
    let off = abs::index_isize(vm, off)?;
    let o = offset(vm, off, size, bytearray::data(buf).len(), "pack_into")?;
    let mut tmp = alloc::vec![0u8; size];
    tmp.copy_from_slice(&bytearray::data(buf)[o..o + size]);
    pack_to(vm, f, vals, &mut tmp)?;
    let d = bytearray::data_mut(buf);
    if d.len() >= o + size {
        d[o..o + size].copy_from_slice(&tmp);
    }
    Ok(none())
}

fn do_iter_unpack(vm: &Vm, f: &Fmt, b: Obj) -> PyResult<Obj> {
    let (_, size) = f.layout();
    if size == 0 {
        return Err(err(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = buf_arg(vm, b)?;
    if data.len() % size != 0 {
        return Err(err(
            vm,
            &format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                size
            ),
        ));
    }
    let mut out = Vec::new();
    for i in 0..data.len() / size {
        out.push(unpack(vm, f, &buf_arg(vm, b)?[i * size..(i + 1) * size])?);
    }
    abs::iter(vm, list::new(vm, &out)?)
}

fn first(vm: &Vm, args: &Args, name: &str, min: usize) -> PyResult<Fmt> {
    if args.has_kw() {
        return Err(vm.type_error(&format!("{}() takes no keyword arguments", name)));
    }
    if args.pos.len() < min {
        return Err(vm.type_error(&format!(
            "{}() missing required argument 'format' (pos 1)",
            name
        )));
    }
    fmt_of(vm, args.pos[0])
}

fn s_pack(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let f = first(vm, args, "pack", 1)?;
    bytes::new(vm, &pack(vm, &f, &args.pos[1..])?)
}
fn s_unpack(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "unpack", 2, 2)?;
    do_unpack(vm, &fmt_of(vm, args.pos[0])?, args.pos[1])
}
fn s_calcsize(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "calcsize", 1, 1)?;
    int::new_i64(vm, fmt_of(vm, args.pos[0])?.layout().1 as i64)
}
fn s_unpack_from(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [f, b, o] = args.bind(vm, "unpack_from", ["format", "buffer", "offset"], 2)?;
    let f = fmt_of(vm, f.unwrap_or(none()))?;
    do_unpack_from(vm, &f, b.unwrap_or(none()), o)
}
fn s_pack_into(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let f = first(vm, args, "pack_into", 1)?;
    if args.pos.len() < 3 {
        return Err(vm.type_error("pack_into expected buffer argument"));
    }
    do_pack_into(vm, &f, args.pos[1], args.pos[2], &args.pos[3..])
}
fn s_iter_unpack(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "iter_unpack", 2, 2)?;
    do_iter_unpack(vm, &fmt_of(vm, args.pos[0])?, args.pos[1])
}

// ------------------------------------------------------------ Struct class

fn this_fmt(vm: &Vm, args: &Args) -> PyResult<(Obj, Fmt)> {
    let o = args.pos.first().copied().unwrap_or(none());
    let f = abs::getattr_str(vm, o, "format")?;
    Ok((o, fmt_of(vm, f)?))
}

fn c_init(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [o, f] = args.bind(vm, "Struct", ["self", "format"], 2)?;
    let (o, f) = (o.unwrap_or(none()), f.unwrap_or(none()));
    let size = fmt_of(vm, f)?.layout().1;
    let s = match bytes::as_bytes(f) {
        Some(b) => vm.new_string(bytes::l1(b).into_owned())?,
        None => f,
    };
    abs::setattr(vm, o, vm.new_str("format")?, Some(s))?;
    abs::setattr(
        vm,
        o,
        vm.new_str("size")?,
        Some(int::new_i64(vm, size as i64)?),
    )?;
    Ok(none())
}
fn c_pack(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (_, f) = this_fmt(vm, args)?;
    bytes::new(vm, &pack(vm, &f, args.pos.get(1..).unwrap_or(&[]))?)
}
fn c_unpack(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "unpack", 2, 2)?;
    let (_, f) = this_fmt(vm, args)?;
    do_unpack(vm, &f, args.pos[1])
}
fn c_unpack_from(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [_, b, o] = args.bind(vm, "unpack_from", ["self", "buffer", "offset"], 2)?;
    let (_, f) = this_fmt(vm, args)?;
    do_unpack_from(vm, &f, b.unwrap_or(none()), o)
}
fn c_pack_into(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (_, f) = this_fmt(vm, args)?;
    if args.pos.len() < 3 {
        return Err(vm.type_error("pack_into expected buffer argument"));
    }
    do_pack_into(vm, &f, args.pos[1], args.pos[2], &args.pos[3..])
}
fn c_iter_unpack(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "iter_unpack", 2, 2)?;
    let (_, f) = this_fmt(vm, args)?;
    do_iter_unpack(vm, &f, args.pos[1])
}

static STRUCT_METHODS: [AttrEntry; 6] = [
    method!("__init__", c_init),
    method!("pack", c_pack),
    method!("unpack", c_unpack),
    method!("unpack_from", c_unpack_from),
    method!("pack_into", c_pack_into),
    method!("iter_unpack", c_iter_unpack),
];

static STRUCT_FUNCS: [AttrEntry; 6] = [
    function!("pack", s_pack),
    function!("unpack", s_unpack),
    function!("calcsize", s_calcsize),
    function!("unpack_from", s_unpack_from),
    function!("pack_into", s_pack_into),
    function!("iter_unpack", s_iter_unpack),
];

/// Build the `struct` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = super::gc::module_from(vm, "struct", &STRUCT_FUNCS)?;
    let d = module::dict_of(m);
    let e = super::new_class(vm, "error", "struct", &[exc::EXCEPTION.as_obj()], &[])?;
    dict::set_str(vm, d, "error", e)?;
    let c = super::new_class(vm, "Struct", "_struct", &[], &STRUCT_METHODS)?;
    dict::set_str(vm, d, "Struct", c)?;
    Ok(m)
}
