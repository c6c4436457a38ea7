//! The `array` module: `array.array`, typed arrays of numbers.
//!
//! The items are stored raw (native byte order, native sizes: `l`/`L` are
//! pointer-sized) in one contiguous bytearray kept in the instance
//! `__dict__` as `_b`, next to `typecode` and `itemsize`; the class is made
//! with `type()` at import time, like the other native modules' classes.

use crate::method;
use crate::obj::attr::AttrEntry;
use crate::obj::str::{self as pystr, is_index, slice_indices};
use crate::obj::{
    bytearray, bytes, dict, float, int, list, module, none, not_implemented, py_bool, slice, tuple,
    Args, CmpOp, Obj,
};
use crate::vm::{abs, PyResult, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

const TYPECODES: &str = "bBhHiIlLqQfd";

fn itemsize(tc: u8) -> usize {
    match tc {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => core::mem::size_of::<usize>(),
        _ => 8,
    }
}

/// The typecode and the storage (a bytearray) of an array instance.
fn parts(vm: &Vm, o: Obj) -> PyResult<(u8, Obj)> {
    let t = abs::getattr_str(vm, o, "typecode")?;
    let b = abs::getattr_str(vm, o, "_b")?;
    let tc = pystr::as_str(t)
        .and_then(|s| s.bytes().next())
        .unwrap_or(b'B');
    Ok((tc, b))
}

/// `Some((typecode, storage))` if `o` is an array.
fn as_array(vm: &Vm, o: Obj) -> PyResult<Option<(u8, Obj)>> {
    let Some(cls) = super::module_attr(vm, "array", "array") else {
        return Ok(None);
    };
    if !abs::is_instance(vm, o, cls)? {
        return Ok(None);
    }
    parts(vm, o).map(Some)
}

/// `Some((typecode, storage))` if `o` is an `array.array` (for buffers).
pub(crate) fn parts_of(vm: &Vm, o: Obj) -> PyResult<Option<(u8, Obj)>> {
    as_array(vm, o)
}

fn data(b: Obj) -> &'static [u8] {
    bytearray::data(b)
}

fn count(tc: u8, b: Obj) -> usize {
    data(b).len() / itemsize(tc)
}

/// Item `i` as a Python object.
fn get(vm: &Vm, tc: u8, b: Obj, i: usize) -> PyResult<Obj> {
    let n = itemsize(tc);
    let d = &data(b)[i * n..i * n + n];
    let mut w = [0u8; 8];
    w[..n].copy_from_slice(d);
    let u = u64::from_ne_bytes(w);
    let le = cfg!(target_endian = "little");
    let raw = if le { u } else { u >> (64 - 8 * n) };
    match tc {
        b'f' => float::new(vm, f32::from_bits(raw as u32) as f64),
        b'd' => float::new(vm, f64::from_bits(raw)),
        b'B' | b'H' | b'I' | b'L' | b'Q' => {
            crate::obj::intmethods::new_i128(vm, raw as u128 as i128)
        }
        _ => {
            let shift = 64 - 8 * n as u32;
            int::new_i64(vm, ((raw << shift) as i64) >> shift)
        }
    }
}

/// The raw bytes of value `v` for typecode `tc`.
fn pack(vm: &Vm, tc: u8, v: Obj) -> PyResult<([u8; 8], usize)> {
    let n = itemsize(tc);
    let raw: u64 = match tc {
        b'f' => (float::real_arg(vm, v)? as f32).to_bits() as u64,
        b'd' => float::real_arg(vm, v)?.to_bits(),
        _ => {
            let i = abs::index(vm, v)?;
            let big = int::to_bigint(i).unwrap_or_else(crate::bigint::BigInt::zero);
            let unsigned = tc.is_ascii_uppercase();
            let val: i128 = match big.to_i64() {
                Some(x) => x as i128,
                None => match big.to_u64() {
                    Some(x) => x as i128,
                    None => return Err(overflow_big(vm, tc, big.is_negative())),
                },
            };
            let bits = 8 * n as u32;
            let (lo, hi): (i128, i128) = if unsigned {
                (0, (1i128 << bits) - 1)
            } else {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            };
            if val < lo || val > hi {
                return Err(vm.overflow_error(range_msg(tc, val > hi)));
            }
            val as u64
        }
    };
    let mut out = [0u8; 8];
    if cfg!(target_endian = "little") {
        out = raw.to_le_bytes();
    } else {
        out[..n].copy_from_slice(&raw.to_be_bytes()[8 - n..]);
    }
    Ok((out, n))
}

fn overflow_big(vm: &Vm, tc: u8, neg: bool) -> crate::vm::Raised {
    let msg = match tc {
        b'q' | b'Q' if neg && tc == b'Q' => "can't convert negative int to unsigned",
        b'q' | b'Q' => "int too big to convert",
        b'I' | b'L' if neg => "can't convert negative value to unsigned int",
        b'I' | b'L' => "Python int too large to convert to C unsigned long",
        _ => "Python int too large to convert to C long",
    };
    vm.overflow_error(msg)
}

fn range_msg(tc: u8, high: bool) -> &'static str {
    match (tc, high) {
        (b'b', true) => "signed char is greater than maximum",
        (b'b', false) => "signed char is less than minimum",
        (b'B', true) => "unsigned byte integer is greater than maximum",
        (b'B', false) => "unsigned byte integer is less than minimum",
        (b'h', true) => "signed short integer is greater than maximum",
        (b'h', false) => "signed short integer is less than minimum",
        (b'H', true) => "unsigned short is greater than maximum",
        (b'H', false) => "unsigned short is less than minimum",
        (b'i', true) => "signed integer is greater than maximum",
        (b'i', false) => "signed integer is less than minimum",
        (b'I', true) => "unsigned int is greater than maximum",
        (b'I' | b'L', false) => "can't convert negative value to unsigned int",
        (b'L', true) => "Python int too large to convert to C unsigned long",
        (b'Q', false) => "can't convert negative int to unsigned",
        (b'q' | b'Q', _) => "int too big to convert",
        _ => "Python int too large to convert to C long",
    }
}

/// Pack every item of `items` (all checked before anything is stored).
fn pack_all(vm: &Vm, tc: u8, items: &[Obj]) -> PyResult<Vec<u8>> {
    let mut out: Vec<u8> = super::vec_with(vm, items.len() * itemsize(tc))?;
    for v in items {
        let (w, n) = pack(vm, tc, *v)?;
        out.extend_from_slice(&w[..n]);
    }
    Ok(out)
}

/// A new array of typecode `tc` holding `raw`.
fn new_array(vm: &Vm, tc: u8, raw: &[u8]) -> PyResult<Obj> {
    let cls = super::module_attr(vm, "array", "array")
        .ok_or_else(|| vm.type_error("array module not initialised"))?;
    let t = vm.new_str(core::str::from_utf8(&[tc]).unwrap_or("B"))?;
    let a = crate::vm::call::call(vm, cls, &[t])?;
    let (_, b) = parts(vm, a)?;
    bytearray::splice(vm, b, 0, 0, raw)?;
    Ok(a)
}

fn self_parts(vm: &Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<(u8, Obj)> {
    args.check(vm, name, min, max)?;
    parts(vm, args.pos[0])
}

fn a_init(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "array", 2, 3)?;
    let o = args.pos[0];
    let t = args.pos[1];
    let Some(ts) = pystr::as_str(t).filter(|s| s.chars().count() == 1) else {
        return Err(vm.type_error(&format!(
            "array() argument 1 must be a unicode character, not {}",
            t.ty().name()
        )));
    };
    if !TYPECODES.contains(ts) {
        return Err(
            vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    }
    let tc = ts.as_bytes()[0];
    let d = abs::getattr_str(vm, o, "__dict__")?;
    dict::set_str(vm, d, "typecode", t)?;
    dict::set_str(vm, d, "itemsize", Obj::small(itemsize(tc) as isize))?;
    let b = bytearray::new(vm, &[])?;
    bytearray::set_array_storage(b);
    dict::set_str(vm, d, "_b", b)?;
    if let Some(init) = args.pos.get(2).copied() {
        if pystr::as_str(init).is_some() {
            return Err(vm.type_error(&format!(
                "cannot use a str to initialize an array with typecode '{}'",
                ts
            )));
        }
        if bytes::as_bytes(init).is_some() || init.downcast::<bytearray::ByteArrayObj>().is_some() {
            frombytes(vm, tc, b, init)?;
        } else {
            extend(vm, tc, b, init)?;
        }
    }
    Ok(none())
}

fn frombytes(vm: &Vm, tc: u8, b: Obj, src: Obj) -> PyResult<()> {
    let raw: Vec<u8> = match bytes::as_bytes(src) {
        Some(s) => s.to_vec(),
        None => match src.downcast::<bytearray::ByteArrayObj>() {
            Some(_) => data(src).to_vec(),
            None => {
                return Err(vm.type_error(&format!(
                    "a bytes-like object is required, not '{}'",
                    src.ty().name()
                )))
            }
        },
    };
    if !raw.len().is_multiple_of(itemsize(tc)) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    let n = data(b).len();
    bytearray::splice(vm, b, n, n, &raw)
}

fn extend(vm: &Vm, tc: u8, b: Obj, src: Obj) -> PyResult<()> {
    let raw = if let Some((t2, b2)) = as_array(vm, src)? {
        if t2 != tc {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        data(b2).to_vec()
    } else {
        let items = abs::to_vec(vm, src)?;
        pack_all(vm, tc, &items)?
    };
    let n = data(b).len();
    bytearray::splice(vm, b, n, n, &raw)
}

fn a_append(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "append", 2, 2)?;
    let (w, n) = pack(vm, tc, args.pos[1])?;
    let l = data(b).len();
    bytearray::splice(vm, b, l, l, &w[..n])?;
    Ok(none())
}

fn a_extend(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "extend", 2, 2)?;
    extend(vm, tc, b, args.pos[1])?;
    Ok(none())
}

fn a_frombytes(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "frombytes", 2, 2)?;
    frombytes(vm, tc, b, args.pos[1])?;
    Ok(none())
}

fn a_fromlist(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "fromlist", 2, 2)?;
    if !list::is_list(args.pos[1]) {
        return Err(vm.type_error("arg must be list"));
    }
    let raw = pack_all(vm, tc, &list::to_vec(args.pos[1]))?;
    let l = data(b).len();
    bytearray::splice(vm, b, l, l, &raw)?;
    Ok(none())
}

fn a_tobytes(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (_, b) = self_parts(vm, args, "tobytes", 1, 1)?;
    let v = data(b).to_vec();
    bytes::new(vm, &v)
}

fn items(vm: &Vm, tc: u8, b: Obj) -> PyResult<Vec<Obj>> {
    let n = count(tc, b);
    let mut out = super::vec_with(vm, n)?;
    for i in 0..n {
        out.push(get(vm, tc, b, i)?);
    }
    Ok(out)
}

fn a_tolist(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "tolist", 1, 1)?;
    let v = items(vm, tc, b)?;
    list::new(vm, &v)
}

/// Index of the first item equal to `x` in `lo..hi`.
fn find(vm: &Vm, tc: u8, b: Obj, x: Obj, lo: usize, hi: usize) -> PyResult<Option<usize>> {
    for i in lo..hi.min(count(tc, b)) {
        if abs::eq(vm, get(vm, tc, b, i)?, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// A start/stop argument clamped to `0..=n` (negative counts from the end).
fn clamp(vm: &Vm, o: Option<Obj>, n: usize, d: usize) -> PyResult<usize> {
    match o {
        None => Ok(d),
        Some(o) => {
            let i = abs::index_isize(vm, o)?;
            Ok(if i < 0 {
                (n as isize + i).max(0) as usize
            } else {
                (i as usize).min(n)
            })
        }
    }
}

fn a_index(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "index", 2, 4)?;
    let n = count(tc, b);
    let lo = clamp(vm, args.pos.get(2).copied(), n, 0)?;
    let hi = clamp(vm, args.pos.get(3).copied(), n, n)?;
    match find(vm, tc, b, args.pos[1], lo, hi)? {
        Some(i) => Ok(Obj::small(i as isize)),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

fn a_count(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "count", 2, 2)?;
    let mut c = 0;
    for i in 0..count(tc, b) {
        if abs::eq(vm, get(vm, tc, b, i)?, args.pos[1])? {
            c += 1;
        }
    }
    Ok(Obj::small(c))
}

fn a_remove(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "remove", 2, 2)?;
    match find(vm, tc, b, args.pos[1], 0, usize::MAX)? {
        Some(i) => {
            let n = itemsize(tc);
            bytearray::splice(vm, b, i * n, i * n + n, &[])?;
            Ok(none())
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

fn a_insert(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "insert", 3, 3)?;
    let n = count(tc, b);
    let i = abs::index_isize(vm, args.pos[1])?;
    let i = if i < 0 {
        (n as isize + i).max(0) as usize
    } else {
        (i as usize).min(n)
    };
    let (w, sz) = pack(vm, tc, args.pos[2])?;
    bytearray::splice(vm, b, i * sz, i * sz, &w[..sz])?;
    Ok(none())
}

fn a_pop(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "pop", 1, 2)?;
    let n = count(tc, b);
    let i = match args.pos.get(1) {
        Some(o) => abs::index_isize(vm, *o)?,
        None => -1,
    };
    if n == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let j = if i < 0 { i + n as isize } else { i };
    if j < 0 || j >= n as isize {
        return Err(vm.index_error("pop index out of range"));
    }
    let j = j as usize;
    let v = get(vm, tc, b, j)?;
    let sz = itemsize(tc);
    bytearray::splice(vm, b, j * sz, j * sz + sz, &[])?;
    Ok(v)
}

fn a_reverse(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "reverse", 1, 1)?;
    let sz = itemsize(tc);
    let d = bytearray::data_mut(b);
    let n = d.len() / sz;
    for i in 0..n / 2 {
        for k in 0..sz {
            d.swap(i * sz + k, (n - 1 - i) * sz + k);
        }
    }
    Ok(none())
}

fn a_byteswap(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "byteswap", 1, 1)?;
    let sz = itemsize(tc);
    for chunk in bytearray::data_mut(b).chunks_mut(sz) {
        chunk.reverse();
    }
    Ok(none())
}

fn a_buffer_info(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "buffer_info", 1, 1)?;
    let addr = int::new_i64(vm, data(b).as_ptr() as usize as i64)?;
    tuple::new(vm, &[addr, Obj::small(count(tc, b) as isize)])
}

fn a_len(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "__len__", 1, 1)?;
    Ok(Obj::small(count(tc, b) as isize))
}

fn slice_of(vm: &Vm, k: Obj, n: usize) -> PyResult<Option<(isize, isize, usize)>> {
    match k.downcast::<slice::SliceObj>() {
        Some(sl) => {
            let (start, _stop, step, len) = slice_indices(vm, sl, n)?;
            Ok(Some((start, step, len)))
        }
        None => Ok(None),
    }
}

fn norm_index(vm: &Vm, k: Obj, n: usize, msg: &str) -> PyResult<usize> {
    let i = abs::index_isize(vm, k)?;
    let j = if i < 0 { i + n as isize } else { i };
    if j < 0 || j >= n as isize {
        return Err(vm.index_error(msg));
    }
    Ok(j as usize)
}

fn a_getitem(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "__getitem__", 2, 2)?;
    let k = args.pos[1];
    let n = count(tc, b);
    let sz = itemsize(tc);
    if let Some((start, step, len)) = slice_of(vm, k, n)? {
        let mut raw: Vec<u8> = super::vec_with(vm, len * sz)?;
        let d = data(b);
        for m in 0..len {
            let i = (start + m as isize * step) as usize;
            raw.extend_from_slice(&d[i * sz..i * sz + sz]);
        }
        return new_array(vm, tc, &raw);
    }
    if !is_index(k) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = norm_index(vm, k, n, "array index out of range")?;
    get(vm, tc, b, i)
}

fn a_setitem(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "__setitem__", 3, 3)?;
    let (k, v) = (args.pos[1], args.pos[2]);
    let n = count(tc, b);
    let sz = itemsize(tc);
    if let Some((start, step, len)) = slice_of(vm, k, n)? {
        let Some((t2, b2)) = as_array(vm, v)? else {
            return Err(vm.type_error(&format!(
                "can only assign array (not \"{}\") to array slice",
                v.ty().name()
            )));
        };
        if t2 != tc {
            return Err(vm.type_error("bad argument type for built-in operation"));
        }
        let src = data(b2).to_vec();
        if step == 1 {
            let s = start as usize * sz;
            bytearray::splice(vm, b, s, s + len * sz, &src)?;
        } else {
            if src.len() / sz != len {
                return Err(vm.value_error(&format!(
                    "attempt to assign array of size {} to extended slice of size {}",
                    src.len() / sz,
                    len
                )));
            }
            let d = bytearray::data_mut(b);
            for m in 0..len {
                let i = (start + m as isize * step) as usize;
                d[i * sz..i * sz + sz].copy_from_slice(&src[m * sz..m * sz + sz]);
            }
        }
        return Ok(none());
    }
    if !is_index(k) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = norm_index(vm, k, n, "array assignment index out of range")?;
    let (w, _) = pack(vm, tc, v)?;
    bytearray::data_mut(b)[i * sz..i * sz + sz].copy_from_slice(&w[..sz]);
    Ok(none())
}

fn a_delitem(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "__delitem__", 2, 2)?;
    let k = args.pos[1];
    let n = count(tc, b);
    let sz = itemsize(tc);
    if let Some((start, step, len)) = slice_of(vm, k, n)? {
        let mut idx: Vec<usize> = (0..len)
            .map(|m| (start + m as isize * step) as usize)
            .collect();
        idx.sort_unstable();
        for i in idx.into_iter().rev() {
            bytearray::splice(vm, b, i * sz, i * sz + sz, &[])?;
        }
        return Ok(none());
    }
    let i = norm_index(vm, k, n, "array assignment index out of range")?;
    bytearray::splice(vm, b, i * sz, i * sz + sz, &[])?;
    Ok(none())
}

fn a_iter(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "__iter__", 1, 1)?;
    let v = items(vm, tc, b)?;
    let l = list::new(vm, &v)?;
    abs::iter(vm, l)
}

fn a_contains(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "__contains__", 2, 2)?;
    Ok(py_bool(
        find(vm, tc, b, args.pos[1], 0, usize::MAX)?.is_some(),
    ))
}

fn a_repr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "__repr__", 1, 1)?;
    let mut s = String::from("array('");
    s.push(tc as char);
    s.push('\'');
    if count(tc, b) > 0 {
        s.push_str(", ");
        let v = items(vm, tc, b)?;
        let l = list::new(vm, &v)?;
        s.push_str(&abs::repr_string(vm, l)?);
    }
    s.push(')');
    vm.new_string(s)
}

fn compare(vm: &Vm, args: &Args, op: CmpOp) -> PyResult<Obj> {
    args.check(vm, "__eq__", 2, 2)?;
    let (tc, b) = parts(vm, args.pos[0])?;
    let Some((t2, b2)) = as_array(vm, args.pos[1])? else {
        return Ok(not_implemented());
    };
    let x = items(vm, tc, b)?;
    let y = items(vm, t2, b2)?;
    let lx = list::new(vm, &x)?;
    let ly = list::new(vm, &y)?;
    abs::rich_compare(vm, lx, ly, op)
}

fn a_eq(vm: &Vm, a: &Args) -> PyResult<Obj> {
    compare(vm, a, CmpOp::Eq)
}
fn a_ne(vm: &Vm, a: &Args) -> PyResult<Obj> {
    compare(vm, a, CmpOp::Ne)
}
fn a_lt(vm: &Vm, a: &Args) -> PyResult<Obj> {
    compare(vm, a, CmpOp::Lt)
}
fn a_le(vm: &Vm, a: &Args) -> PyResult<Obj> {
    compare(vm, a, CmpOp::Le)
}
fn a_gt(vm: &Vm, a: &Args) -> PyResult<Obj> {
    compare(vm, a, CmpOp::Gt)
}
fn a_ge(vm: &Vm, a: &Args) -> PyResult<Obj> {
    compare(vm, a, CmpOp::Ge)
}

fn a_add(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "__add__", 2, 2)?;
    let Some((t2, b2)) = as_array(vm, args.pos[1])? else {
        return Err(vm.type_error(&format!(
            "can only append array (not \"{}\") to array",
            args.pos[1].ty().name()
        )));
    };
    if t2 != tc {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut raw = data(b).to_vec();
    raw.extend_from_slice(data(b2));
    new_array(vm, tc, &raw)
}

fn a_iadd(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "__iadd__", 2, 2)?;
    let Some((t2, b2)) = as_array(vm, args.pos[1])? else {
        return Err(vm.type_error(&format!(
            "can only extend array with array (not \"{}\")",
            args.pos[1].ty().name()
        )));
    };
    if t2 != tc {
        return Err(vm.type_error("can only extend with array of same kind"));
    }
    let src = data(b2).to_vec();
    let l = data(b).len();
    bytearray::splice(vm, b, l, l, &src)?;
    Ok(args.pos[0])
}

fn times(vm: &Vm, args: &Args) -> PyResult<Option<(u8, Obj, Vec<u8>)>> {
    let (tc, b) = parts(vm, args.pos[0])?;
    let k = args.pos[1];
    if !is_index(k) {
        return Ok(None);
    }
    let n = abs::index_isize(vm, k)?.max(0) as usize;
    let d = data(b);
    let total = d.len().checked_mul(n).ok_or_else(|| vm.memory_error())?;
    let mut raw: Vec<u8> = super::vec_with(vm, total)?;
    for _ in 0..n {
        raw.extend_from_slice(data(b));
    }
    Ok(Some((tc, b, raw)))
}

fn a_mul(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__mul__", 2, 2)?;
    match times(vm, args)? {
        Some((tc, _, raw)) => new_array(vm, tc, &raw),
        None => Ok(not_implemented()),
    }
}

fn a_imul(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__imul__", 2, 2)?;
    match times(vm, args)? {
        Some((_, b, raw)) => {
            let l = data(b).len();
            bytearray::splice(vm, b, 0, l, &raw)?;
            Ok(args.pos[0])
        }
        None => Ok(not_implemented()),
    }
}

fn a_copy(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "__copy__", 1, 2)?;
    let raw = data(b).to_vec();
    new_array(vm, tc, &raw)
}

static ARRAY_METHODS: [AttrEntry; 36] = [
    method!("__init__", a_init),
    method!("append", a_append),
    method!("extend", a_extend),
    method!("frombytes", a_frombytes),
    method!("fromlist", a_fromlist),
    method!("tobytes", a_tobytes),
    method!("tolist", a_tolist),
    method!("index", a_index),
    method!("count", a_count),
    method!("remove", a_remove),
    method!("insert", a_insert),
    method!("pop", a_pop),
    method!("reverse", a_reverse),
    method!("byteswap", a_byteswap),
    method!("buffer_info", a_buffer_info),
    method!("__len__", a_len),
    method!("__getitem__", a_getitem),
    method!("__setitem__", a_setitem),
    method!("__delitem__", a_delitem),
    method!("__iter__", a_iter),
    method!("__contains__", a_contains),
    method!("__repr__", a_repr),
    method!("__eq__", a_eq),
    method!("__ne__", a_ne),
    method!("__lt__", a_lt),
    method!("__le__", a_le),
    method!("__gt__", a_gt),
    method!("__ge__", a_ge),
    method!("__add__", a_add),
    method!("__iadd__", a_iadd),
    method!("__mul__", a_mul),
    method!("__rmul__", a_mul),
    method!("__imul__", a_imul),
    method!("__copy__", a_copy),
    method!("__deepcopy__", a_copy),
    method!("__reversed__", a_reversed),
];

fn a_reversed(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (tc, b) = self_parts(vm, args, "__reversed__", 1, 1)?;
    let mut v = items(vm, tc, b)?;
    v.reverse();
    let l = list::new(vm, &v)?;
    abs::iter(vm, l)
}

/// Create the `array` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = module::new(vm, "array")?;
    let d = module::dict_of(m);
    let cls = super::new_class(vm, "array", "array", &[], &ARRAY_METHODS)?;
    let h = vm.new_str("__hash__")?;
    abs::setattr(vm, cls, h, Some(none()))?;
    dict::set_str(vm, d, "array", cls)?;
    dict::set_str(vm, d, "ArrayType", cls)?;
    let tcs = vm.new_str(TYPECODES)?;
    dict::set_str(vm, d, "typecodes", tcs)?;
    Ok(m)
}
