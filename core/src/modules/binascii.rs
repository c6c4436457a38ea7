//! The `binascii` module (hex, base64, crc32) and a small `base64` module
//! built on it.

use crate::function;
use crate::obj::attr::AttrEntry;
use crate::obj::{bytes, dict, exc, int, module, str as pystr, Args, Obj};
use crate::vm::{abs, PyResult, Raised, Vm};
use alloc::format;
use alloc::vec::Vec;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn error(vm: &Vm, msg: &str) -> Raised {
    super::raise_mod_error(vm, "binascii", "Error", &exc::VALUE_ERROR, msg)
}

/// Bytes-like data, or (for the decoders) an ASCII str.
fn data(vm: &Vm, o: Obj, ascii_str: bool) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes::buffer_of(o) {
        return Ok(b.to_vec());
    }
    if ascii_str {
        if let Some(s) = pystr::as_str(o) {
            if !s.is_ascii() {
                return Err(vm.value_error("string argument should contain only ASCII characters"));
            }
            return Ok(s.as_bytes().to_vec());
        }
        return Err(vm.type_error(&format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            o.ty().name()
        )));
    }
    Err(vm.type_error(&format!(
        "a bytes-like object is required, not '{}'",
        o.ty().name()
    )))
}

fn hexlify(vm: &Vm, args: &Args, name: &str) -> PyResult<Obj> {
    let [d, sep, per] = args.bind(vm, name, ["data", "sep", "bytes_per_sep"], 1)?;
    let d = data(vm, d.unwrap_or(crate::obj::none()), false)?;
    let sep = match sep {
        None => None,
        Some(s) => {
            let b = match pystr::as_str(s) {
                Some(t) => t.as_bytes().to_vec(),
                None => data(vm, s, false)?,
            };
            if b.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            Some(b[0])
        }
    };
    let per = match per {
        Some(p) => abs::index_isize(vm, p)?,
        None => 1,
    };
    let mut out = Vec::with_capacity(d.len() * 3);
    let n = d.len();
    let g = per.unsigned_abs().max(1);
    for (i, b) in d.iter().enumerate() {
        if let Some(s) = sep {
            // Groups count from the right when bytes_per_sep > 0.
            let boundary = if per >= 0 {
                (n - i) % g == 0
            } else {
                i % g == 0
            };
            if i > 0 && boundary {
                out.push(s);
            }
        }
        out.extend_from_slice(format!("{:02x}", b).as_bytes());
    }
    bytes::new(vm, &out)
}
fn b_hexlify(vm: &Vm, args: &Args) -> PyResult<Obj> {
    hexlify(vm, args, "hexlify")
}
fn b_b2a_hex(vm: &Vm, args: &Args) -> PyResult<Obj> {
    hexlify(vm, args, "b2a_hex")
}

fn unhex(vm: &Vm, d: &[u8]) -> PyResult<Vec<u8>> {
    if !d.len().is_multiple_of(2) {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(d.len() / 2);
    for p in d.chunks(2) {
        let h = |c: u8| (c as char).to_digit(16);
        match (h(p[0]), h(p[1])) {
            (Some(a), Some(b)) => out.push((a * 16 + b) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(out)
}
fn b_unhexlify(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [d] = args.bind(vm, "unhexlify", ["hexstr"], 1)?;
    let d = data(vm, d.unwrap_or(crate::obj::none()), true)?;
    bytes::new(vm, &unhex(vm, &d)?)
}

fn b64enc(d: &[u8], table: &[u8; 64]) -> Vec<u8> {
    let mut out = Vec::with_capacity(d.len().div_ceil(3) * 4 + 1);
    for c in d.chunks(3) {
        let v = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            if k <= c.len() {
                out.push(table[(v >> (18 - 6 * k)) as usize & 63]);
            } else {
                out.push(b'=');
            }
        }
    }
    out
}

/// CPython's non-strict base64 decoding: characters outside the alphabet are
/// skipped; decoding stops at padding that completes a quantum.
fn b64dec(vm: &Vm, d: &[u8], alt: Option<(u8, u8)>) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    let (mut acc, mut n, mut pads) = (0u32, 0usize, 0usize);
    for &c in d {
        let c = match alt {
            Some((a, _)) if c == a => b'+',
            Some((_, b)) if c == b => b'/',
            Some(_) if c == b'+' || c == b'/' => continue,
            _ => c,
        };
        if c == b'=' {
            if n >= 2 {
                pads += 1;
                if n + pads >= 4 {
                    if n == 2 {
                        out.push((acc >> 4) as u8);
                    } else {
                        out.extend_from_slice(&[(acc >> 10) as u8, (acc >> 2) as u8]);
                    }
                    n = 0;
                    acc = 0;
                    break;
                }
            }
            continue;
        }
        let Some(v) = B64.iter().position(|x| *x == c) else {
            continue;
        };
        pads = 0;
        acc = acc << 6 | v as u32;
        n += 1;
        if n == 4 {
            out.extend_from_slice(&[(acc >> 16) as u8, (acc >> 8) as u8, acc as u8]);
            n = 0;
            acc = 0;
        }
    }
    match n {
        0 => {}
        1 => {
            return Err(error(vm, &format!(
                "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
                d.iter().filter(|c| B64.contains(c)).count()
            )))
        }
        _ => return Err(error(vm, "Incorrect padding")),
    }
    let _ = acc;
    Ok(out)
}

fn b_b2a_base64(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [d, nl] = args.bind(vm, "b2a_base64", ["data", "newline"], 1)?;
    let mut out = b64enc(&data(vm, d.unwrap_or(crate::obj::none()), false)?, B64);
    if nl.map_or(Ok(true), |n| abs::truthy(vm, n))? {
        out.push(b'\n');
    }
    bytes::new(vm, &out)
}
fn b_a2b_base64(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [d, _strict] = args.bind(vm, "a2b_base64", ["data", "strict_mode"], 1)?;
    let d = data(vm, d.unwrap_or(crate::obj::none()), true)?;
    bytes::new(vm, &b64dec(vm, &d, None)?)
}

/// CRC-32 (the zlib polynomial), bitwise.
pub fn crc32(mut crc: u32, d: &[u8]) -> u32 {
    crc = !crc;
    for &b in d {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xedb8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}
fn b_crc32(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "crc32", 1, 2)?;
    let d = data(vm, args.pos[0], false)?;
    let start = match args.pos.get(1) {
        Some(v) => {
            let i = abs::index(vm, *v)?;
            int::to_bigint(i)
                .and_then(|b| {
                    b.and(&crate::bigint::BigInt::from_u64(0xffff_ffff))
                        .to_u64()
                })
                .map(|v| v as u32)
                .unwrap_or(0)
        }
        None => 0,
    };
    int::new_i64(vm, crc32(start, &d) as i64)
}

static BINASCII_FUNCS: [AttrEntry; 7] = [
    function!("hexlify", b_hexlify),
    function!("b2a_hex", b_b2a_hex),
    function!("unhexlify", b_unhexlify),
    function!("a2b_hex", b_unhexlify),
    function!("b2a_base64", b_b2a_base64),
    function!("a2b_base64", b_a2b_base64),
    function!("crc32", b_crc32),
];

/// Build the `binascii` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = super::gc::module_from(vm, "binascii", &BINASCII_FUNCS)?;
    let d = module::dict_of(m);
    let e = super::new_class(vm, "Error", "binascii", &[exc::VALUE_ERROR.as_obj()], &[])?;
    dict::set_str(vm, d, "Error", e)?;
    let i = super::new_class(
        vm,
        "Incomplete",
        "binascii",
        &[exc::EXCEPTION.as_obj()],
        &[],
    )?;
    dict::set_str(vm, d, "Incomplete", i)?;
    Ok(m)
}

// ------------------------------------------------------------------ base64

fn enc_with(vm: &Vm, args: &Args, name: &str, alt: Option<(u8, u8)>) -> PyResult<Obj> {
    let [s, a] = args.bind(vm, name, ["s", "altchars"], 1)?;
    let mut t = *B64;
    let alt = match a.filter(|a| !a.is_none()) {
        Some(a) => {
            let b = data(vm, a, false)?;
            if b.len() != 2 {
                return Err(vm.value_error(&format!("{:?}", b)));
            }
            Some((b[0], b[1]))
        }
        None => alt,
    };
    if let Some((x, y)) = alt {
        t[62] = x;
        t[63] = y;
    }
    bytes::new(
        vm,
        &b64enc(&data(vm, s.unwrap_or(crate::obj::none()), false)?, &t),
    )
}
fn dec_with(vm: &Vm, args: &Args, name: &str, alt: Option<(u8, u8)>) -> PyResult<Obj> {
    let [s, a, v] = args.bind(vm, name, ["s", "altchars", "validate"], 1)?;
    let d = data(vm, s.unwrap_or(crate::obj::none()), true)?;
    let alt = match a.filter(|a| !a.is_none()) {
        Some(a) => {
            let b = data(vm, a, true)?;
            if b.len() != 2 {
                return Err(vm.value_error("altchars must be of length 2"));
            }
            Some((b[0], b[1]))
        }
        None => alt,
    };
    if v.map_or(Ok(false), |v| abs::truthy(vm, v))? {
        let ok = |c: &u8| {
            B64[..62].contains(c)
                || *c == b'='
                || alt.map_or(B64[62..].contains(c), |(x, y)| *c == x || *c == y)
        };
        if !d.iter().all(ok) {
            return Err(error(vm, "Only base64 data is allowed"));
        }
    }
    bytes::new(vm, &b64dec(vm, &d, alt)?)
}
fn f_b64encode(vm: &Vm, args: &Args) -> PyResult<Obj> {
    enc_with(vm, args, "b64encode", None)
}
fn f_b64decode(vm: &Vm, args: &Args) -> PyResult<Obj> {
    dec_with(vm, args, "b64decode", None)
}
fn f_urlsafe_b64encode(vm: &Vm, args: &Args) -> PyResult<Obj> {
    enc_with(vm, args, "urlsafe_b64encode", Some((b'-', b'_')))
}
fn f_urlsafe_b64decode(vm: &Vm, args: &Args) -> PyResult<Obj> {
    dec_with(vm, args, "urlsafe_b64decode", Some((b'-', b'_')))
}
fn f_b16encode(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [s] = args.bind(vm, "b16encode", ["s"], 1)?;
    let d = data(vm, s.unwrap_or(crate::obj::none()), false)?;
    let mut out = Vec::new();
    for b in d {
        out.extend_from_slice(format!("{:02X}", b).as_bytes());
    }
    bytes::new(vm, &out)
}
fn f_b16decode(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [s, c] = args.bind(vm, "b16decode", ["s", "casefold"], 1)?;
    let mut d = data(vm, s.unwrap_or(crate::obj::none()), true)?;
    if c.map_or(Ok(false), |c| abs::truthy(vm, c))? {
        d.make_ascii_uppercase();
    }
    if d.iter().any(|c| !matches!(c, b'0'..=b'9' | b'A'..=b'F')) {
        return Err(error(vm, "Non-base16 digit found"));
    }
    bytes::new(vm, &unhex(vm, &d)?)
}

static BASE64_FUNCS: [AttrEntry; 8] = [
    function!("b64encode", f_b64encode),
    function!("b64decode", f_b64decode),
    function!("standard_b64encode", f_b64encode),
    function!("standard_b64decode", f_b64decode),
    function!("urlsafe_b64encode", f_urlsafe_b64encode),
    function!("urlsafe_b64decode", f_urlsafe_b64decode),
    function!("b16encode", f_b16encode),
    function!("b16decode", f_b16decode),
];

/// Build the `base64` module.
pub fn make_base64(vm: &Vm) -> PyResult<Obj> {
    let m = super::gc::module_from(vm, "base64", &BASE64_FUNCS)?;
    let d = module::dict_of(m);
    // binascii.Error, as in CPython.
    let b = crate::vm::import::import_one(vm, "binascii", None)?;
    dict::set_str(vm, d, "binascii", b)?;
    Ok(m)
}
