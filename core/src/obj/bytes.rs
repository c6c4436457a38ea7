//! `bytes` (immutable, inline data) and the methods it shares with
//! `bytearray` (see `bytearray.rs`). Most methods run the `&str` helpers of
//! `crate::text::strmethods` over the latin-1 decoding of the data (one
//! char per byte, so char indices are byte indices; ASCII data is used as
//! is).
#![allow(unsafe_code)]

use super::attr::AttrEntry;
use super::bytearray::{self, BYTEARRAY_TYPE};
use super::iter::SeqIterObj;
use super::str::{is_index, opt_index, slice_indices, ssize_arg, text_err};
use super::strmethods::{repeat_count, rest, seq_op_error};
use super::{
    none, not_implemented, py_bool, tuple, Args, BinOp, CmpOp, Layout, Obj, ObjHead, PyPayload,
    Slots, TypeObj,
};
use crate::text::strmethods as tm;
use crate::vm::{abs, PyResult, Vm};
use crate::{classmethod, method, staticmethod};
use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;

#[repr(C)]
pub struct BytesObj {
    pub head: ObjHead,
    pub hash: Cell<isize>,
    pub len: usize,
    data: [u8; 0],
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for BytesObj {
    const LAYOUT: Layout = Layout::Bytes;
}

pub fn new(vm: &Vm, b: &[u8]) -> PyResult<Obj> {
    new_typed(vm, &BYTES_TYPE, b)
}

/// A new bytes of type `t`; the data starts at `t.basicsize` (after any
/// `__dict__` a subclass adds).
pub fn new_typed(vm: &Vm, t: &'static TypeObj, b: &[u8]) -> PyResult<Obj> {
    let off = t.basicsize.max(core::mem::size_of::<BytesObj>());
    let size = off + b.len() + 1;
    let o = vm.alloc_obj_sized(
        BytesObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            hash: Cell::new(-1),
            len: b.len(),
            data: [],
        },
        size,
    )?;
    // SAFETY: room for b.len() + 1 bytes follows `off`.
    unsafe {
        let p = (o.as_ptr() as *mut u8).add(off);
        core::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len());
    }
    Ok(o)
}

/// The bytes of a `bytes` (or subclass) object.
pub fn as_bytes(o: Obj) -> Option<&'static [u8]> {
    let b = o.downcast::<BytesObj>()?;
    let off = o.ty().basicsize.max(core::mem::size_of::<BytesObj>());
    // SAFETY: `len` bytes live at `basicsize`.
    Some(unsafe {
        core::slice::from_raw_parts((b as *const BytesObj as *const u8).add(off), b.len)
    })
}

/// The data of a bytes-like object (bytes, bytearray, contiguous
/// memoryview). A bytearray's slice is invalidated when it is resized, so
/// never hold it across a call into Python code.
pub fn buffer_of(o: Obj) -> Option<&'static [u8]> {
    match o.layout() {
        Layout::Bytes => as_bytes(o),
        Layout::ByteArray => Some(bytearray::data(o)),
        Layout::MemoryView => super::memoryview::contiguous(o),
        _ => None,
    }
}

/// Latin-1 view of bytes as text (borrowed when ASCII).
pub fn l1(b: &[u8]) -> Cow<'_, str> {
    match core::str::from_utf8(b) {
        Ok(s) if b.is_ascii() => Cow::Borrowed(s),
        _ => Cow::Owned(b.iter().map(|&x| x as char).collect()),
    }
}

/// Back from latin-1 text to bytes.
pub fn unl1(s: &str) -> Vec<u8> {
    if s.is_ascii() {
        s.as_bytes().to_vec()
    } else {
        s.chars().map(|c| c as u32 as u8).collect()
    }
}

fn is_bytearray(o: Obj) -> bool {
    o.layout() == Layout::ByteArray
}

fn kind(o: Obj) -> &'static str {
    if is_bytearray(o) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// A result of the same kind as `like` (bytearray for a bytearray, else
/// bytes).
pub fn make(vm: &Vm, like: Obj, data: &[u8]) -> PyResult<Obj> {
    if is_bytearray(like) {
        bytearray::new(vm, data)
    } else {
        new(vm, data)
    }
}

/// Like [`make`], reusing `like` when it is an exact bytes and unchanged.
fn ret(vm: &Vm, like: Obj, data: &[u8]) -> PyResult<Obj> {
    if like.ty().is(&BYTES_TYPE) && as_bytes(like) == Some(data) {
        Ok(like)
    } else {
        make(vm, like, data)
    }
}

/// A bytes-like argument (copied), or TypeError `msg` + type name.
fn buf_arg(vm: &Vm, o: Obj, msg: &str) -> PyResult<&'static [u8]> {
    buffer_of(o).ok_or_else(|| vm.type_error(&format!("{}'{}'", msg, o.ty().name())))
}

const BUF_REQUIRED: &str = "a bytes-like object is required, not ";

/// An int in `range(0, 256)`.
pub fn byte_value(vm: &Vm, o: Obj) -> PyResult<u8> {
    let v = ssize_arg(vm, o).map_err(|e| {
        if vm.exc_matches(&super::exc::OVERFLOW_ERROR) {
            vm.take_exc();
            vm.value_error("byte must be in range(0, 256)")
        } else {
            e
        }
    })?;
    u8::try_from(v).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

/// `self` of a bytes/bytearray method plus the other positional arguments.
fn this<'a>(
    vm: &Vm,
    a: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(Obj, &'a [Obj])> {
    let o = self_of(vm, a, name)?;
    let tyname = if o.layout() == Layout::ByteArray {
        "bytearray"
    } else {
        "bytes"
    };
    rest(a).check_method(vm, tyname, name, min, max)?;
    Ok((o, a.pos.get(1..).unwrap_or(&[])))
}
fn self_of(vm: &Vm, a: &Args, name: &str) -> PyResult<Obj> {
    match a.pos.first() {
        Some(o) if matches!(o.layout(), Layout::Bytes | Layout::ByteArray) => Ok(*o),
        Some(o) => Err(vm.type_error(&format!(
            "descriptor '{}' requires a 'bytes' object but received a '{}'",
            name,
            o.ty().name()
        ))),
        None => Err(vm.type_error(&format!("descriptor '{}' needs an argument", name))),
    }
}
fn data(o: Obj) -> &'static [u8] {
    buffer_of(o).unwrap_or(&[])
}

/// Collect a bytes-like object or an iterable of ints (for constructors,
/// `extend`, slice assignment).
pub fn bytes_from_iterable(vm: &Vm, o: Obj, range_msg: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_of(o) {
        return Ok(b.to_vec());
    }
    let it = abs::iter(vm, o)?;
    let mut out = Vec::new();
    while let Some(x) = abs::next(vm, it)? {
        let v = ssize_arg(vm, x)?;
        out.push(u8::try_from(v).map_err(|_| vm.value_error(range_msg))?);
    }
    Ok(out)
}

/// The `bytes(...)` / `bytearray(...)` constructor arguments as data.
pub fn construct(vm: &Vm, name: &str, args: &Args) -> PyResult<Vec<u8>> {
    let [src, enc, errors] = args.bind(vm, name, ["source", "encoding", "errors"], 0)?;
    let Some(src) = src else {
        if enc.is_some() || errors.is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Some(s) = super::str::as_str(src) {
        let Some(e) = enc else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let es = super::str::as_str(e).ok_or_else(|| {
            vm.type_error(&format!(
                "{}() argument 'encoding' must be str, not {}",
                name,
                e.ty().name()
            ))
        })?;
        let er = match errors {
            Some(x) => super::str::as_str(x).ok_or_else(|| {
                vm.type_error(&format!(
                    "{}() argument 'errors' must be str, not {}",
                    name,
                    x.ty().name()
                ))
            })?,
            None => "strict",
        };
        return super::str::encode(vm, s, es, er);
    }
    if enc.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(b) = buffer_of(src) {
        return Ok(b.to_vec());
    }
    if name == "bytes" {
        if let Some(r) = abs::call_dunder(vm, src, "__bytes__", &[])? {
            return match as_bytes(r) {
                Some(b) => Ok(b.to_vec()),
                None => Err(vm.type_error(&format!(
                    "__bytes__ returned non-bytes (type {})",
                    r.ty().name()
                ))),
            };
        }
    }
    if let Some(v) = super::memoryview::bytes_of(vm, src)? {
        return Ok(v);
    }
    if is_index(src) {
        let n = ssize_arg(vm, src)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        let mut v = Vec::new();
        v.try_reserve(n as usize).map_err(|_| vm.memory_error())?;
        v.resize(n as usize, 0);
        return Ok(v);
    }
    if abs::iter(vm, src).is_err() {
        vm.take_exc();
        return Err(vm.type_error(&format!(
            "cannot convert '{}' object to {}",
            src.ty().name(),
            name
        )));
    }
    let msg = if name == "bytes" {
        "bytes must be in range(0, 256)"
    } else {
        "byte must be in range(0, 256)"
    };
    bytes_from_iterable(vm, src, msg)
}

// ------------------------------------------------------------------ slots

fn bytes_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    if t.is(&BYTES_TYPE)
        && args.pos.len() == 1
        && !args.has_kw()
        && args.pos[0].ty().is(&BYTES_TYPE)
    {
        return Ok(args.pos[0]);
    }
    let d = construct(vm, "bytes", args)?;
    new_typed(vm, t, &d)
}

/// `repr()` of bytes and bytearray.
pub fn bytes_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let r = crate::text::bytes_repr(data(o));
    if is_bytearray(o) {
        // bytearray escapes `'` even inside double quotes.
        let r = if r.starts_with("b\"") {
            r.replace('\'', "\\'")
        } else {
            r
        };
        vm.new_string(format!("{}({})", o.ty().name(), r))
    } else {
        vm.new_string(r)
    }
}

fn bytes_hash(_vm: &Vm, o: Obj) -> PyResult<isize> {
    let Some(b) = o.downcast::<BytesObj>() else {
        return Ok(0);
    };
    if b.hash.get() == -1 {
        b.hash.set(super::str::hash_bytes(data(o)));
    }
    Ok(b.hash.get())
}

pub fn bytes_len(_vm: &Vm, o: Obj) -> PyResult<usize> {
    Ok(data(o).len())
}

/// Comparison of bytes/bytearray with bytes/bytearray.
pub fn bytes_cmp(_vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    let ok = |o: Obj| matches!(o.layout(), Layout::Bytes | Layout::ByteArray);
    if !ok(a) || !ok(b) {
        return Ok(not_implemented());
    }
    Ok(py_bool(op.test(data(a).cmp(data(b)))))
}

pub fn bytes_contains(vm: &Vm, o: Obj, k: Obj) -> PyResult<bool> {
    if is_index(k) {
        let v = byte_value(vm, k)?;
        return Ok(data(o).contains(&v));
    }
    let sub = buf_arg(vm, k, BUF_REQUIRED)?;
    Ok(find_bytes(data(o), sub).is_some())
}

fn find_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(0);
    }
    h.windows(n.len()).position(|w| w == n)
}

pub fn bytes_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, inplace: bool) -> PyResult<Obj> {
    let mine = |o: Obj| matches!(o.layout(), Layout::Bytes | Layout::ByteArray);
    match op {
        BinOp::Add if mine(a) => {
            let Some(y) = buffer_of(b) else {
                return seq_op_error(
                    vm,
                    b,
                    format!("can't concat {} to {}", b.ty().name(), kind(a)),
                );
            };
            if inplace && is_bytearray(a) {
                let y = y.to_vec();
                bytearray::splice(vm, a, usize::MAX, usize::MAX, &y)?;
                return Ok(a);
            }
            let mut v = Vec::new();
            v.try_reserve(data(a).len() + y.len())
                .map_err(|_| vm.memory_error())?;
            v.extend_from_slice(data(a));
            v.extend_from_slice(y);
            make(vm, a, &v)
        }
        BinOp::Mul => {
            let (x, n) = if mine(a) { (a, b) } else { (b, a) };
            if !is_index(n) {
                let bad = if !mine(a) && a.ty().slots.getitem.is_some() {
                    b
                } else {
                    n
                };
                return seq_op_error(
                    vm,
                    n,
                    format!(
                        "can't multiply sequence by non-int of type '{}'",
                        bad.ty().name()
                    ),
                );
            }
            let k = repeat_count(vm, data(x).len(), n)?;
            let v = data(x).repeat(k);
            if inplace && is_bytearray(x) && x.is(a) {
                bytearray::set_all(vm, x, &v)?;
                return Ok(x);
            }
            make(vm, x, &v)
        }
        BinOp::Mod if mine(a) => {
            let f = l1(data(a)).into_owned();
            let r = super::str::percent_format(vm, &f, b, true)?;
            make(vm, a, &unl1(&r))
        }
        _ => Ok(not_implemented()),
    }
}

/// `o[k]` for bytes and bytearray.
pub fn bytes_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    if let Some(sl) = k.downcast::<super::slice::SliceObj>() {
        let (start, _, step, n) = slice_indices(vm, sl, data(o).len())?;
        let d = data(o);
        let v: Vec<u8> = if step == 1 {
            d.get(start as usize..start as usize + n)
                .unwrap_or(&[])
                .to_vec()
        } else {
            (0..n)
                .filter_map(|i| d.get((start + i as isize * step) as usize).copied())
                .collect()
        };
        return ret(vm, o, &v);
    }
    if !is_index(k) {
        return Err(vm.type_error(&format!(
            "{} indices must be integers or slices, not {}",
            if is_bytearray(o) { "bytearray" } else { "byte" },
            k.ty().name()
        )));
    }
    let msg = if is_bytearray(o) {
        "bytearray index out of range"
    } else {
        "index out of range"
    };
    let i = super::str::item_index(vm, k, data(o).len(), msg)?;
    Ok(Obj::small(data(o).get(i).copied().unwrap_or(0) as isize))
}

pub fn bytes_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let ty = if is_bytearray(o) {
        &BYTEARRAY_ITER_TYPE
    } else {
        &BYTES_ITER_TYPE
    };
    vm.alloc_obj(SeqIterObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty,
        },
        seq: Cell::new(Some(o)),
        idx: Cell::new(0),
    })
}

fn bytes_iternext(_vm: &Vm, it: Obj) -> PyResult<Option<Obj>> {
    let Some(i) = it.downcast::<SeqIterObj>() else {
        return Ok(None);
    };
    let Some(o) = i.seq.get() else {
        return Ok(None);
    };
    let k = i.idx.get();
    match data(o).get(k) {
        Some(b) => {
            i.idx.set(k + 1);
            Ok(Some(Obj::small(*b as isize)))
        }
        None => {
            i.seq.set(None);
            Ok(None)
        }
    }
}

fn self_iter(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(o)
}

fn iter_hint(vm: &Vm, a: &Args) -> PyResult<Obj> {
    a.check(vm, "__length_hint__", 1, 1)?;
    let n = match a.pos[0]
        .downcast::<SeqIterObj>()
        .and_then(|i| i.seq.get().map(|o| (o, i.idx.get())))
    {
        Some((o, k)) => data(o).len().saturating_sub(k),
        None => 0,
    };
    Ok(Obj::small(n as isize))
}
static ITER_ATTRS: [AttrEntry; 1] = [method!("__length_hint__", iter_hint)];

const fn iter_type(name: &'static str) -> TypeObj {
    TypeObj::builtin(
        name,
        Layout::Iter,
        Some(&super::typeobj::OBJECT_TYPE),
        Slots {
            iter: Some(self_iter),
            iternext: Some(bytes_iternext),
            getattr: Some(super::typeobj::generic_getattr),
            ..Slots::EMPTY
        },
        &ITER_ATTRS,
        core::mem::size_of::<SeqIterObj>(),
        0,
    )
}
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static BYTES_ITER_TYPE: TypeObj = iter_type("bytes_iterator");
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static BYTEARRAY_ITER_TYPE: TypeObj = iter_type("bytearray_iterator");

// ---------------------------------------------------------------- methods

/// `sub` of find-like methods: an int or a bytes-like object.
fn sub_arg(vm: &Vm, o: Obj) -> PyResult<Vec<u8>> {
    if is_index(o) {
        return Ok(alloc::vec![byte_value(vm, o)?]);
    }
    buffer_of(o).map(|b| b.to_vec()).ok_or_else(|| {
        vm.type_error(&format!(
            "argument should be integer or bytes-like object, not '{}'",
            o.ty().name()
        ))
    })
}

fn find_common(vm: &Vm, a: &Args, name: &str, rev: bool) -> PyResult<isize> {
    let (o, r) = this(vm, a, name, 1, 3)?;
    let sub = sub_arg(vm, r[0])?;
    let x = opt_index(vm, r.get(1).copied())?;
    let y = opt_index(vm, r.get(2).copied())?;
    let (h, n) = (l1(data(o)), l1(&sub));
    Ok(if rev {
        tm::rfind(&h, &n, x, y)
    } else {
        tm::find(&h, &n, x, y)
    })
}
fn b_find(vm: &Vm, a: &Args) -> PyResult<Obj> {
    Ok(Obj::small(find_common(vm, a, "find", false)?))
}
fn b_rfind(vm: &Vm, a: &Args) -> PyResult<Obj> {
    Ok(Obj::small(find_common(vm, a, "rfind", true)?))
}
fn b_index(vm: &Vm, a: &Args) -> PyResult<Obj> {
    match find_common(vm, a, "index", false)? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Obj::small(i)),
    }
}
fn b_rindex(vm: &Vm, a: &Args) -> PyResult<Obj> {
    match find_common(vm, a, "rindex", true)? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Obj::small(i)),
    }
}
fn b_count(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "count", 1, 3)?;
    let sub = sub_arg(vm, r[0])?;
    let x = opt_index(vm, r.get(1).copied())?;
    let y = opt_index(vm, r.get(2).copied())?;
    Ok(Obj::small(tm::count(&l1(data(o)), &l1(&sub), x, y) as isize))
}

fn starts_ends(
    vm: &Vm,
    a: &Args,
    name: &str,
    f: fn(&str, &str, Option<isize>, Option<isize>) -> bool,
) -> PyResult<Obj> {
    let (o, r) = this(vm, a, name, 1, 3)?;
    let x = opt_index(vm, r.get(1).copied())?;
    let y = opt_index(vm, r.get(2).copied())?;
    let h = l1(data(o));
    if tuple::is_tuple(r[0]) {
        for p in tuple::tuple_items(r[0]) {
            let ps = buf_arg(vm, *p, BUF_REQUIRED)?;
            if f(&h, &l1(ps), x, y) {
                return Ok(py_bool(true));
            }
        }
        return Ok(py_bool(false));
    }
    let msg = format!("{} first arg must be bytes or a tuple of bytes, not ", name);
    let p =
        buffer_of(r[0]).ok_or_else(|| vm.type_error(&format!("{}{}", msg, r[0].ty().name())))?;
    Ok(py_bool(f(&h, &l1(p), x, y)))
}
fn b_startswith(vm: &Vm, a: &Args) -> PyResult<Obj> {
    starts_ends(vm, a, "startswith", tm::startswith)
}
fn b_endswith(vm: &Vm, a: &Args) -> PyResult<Obj> {
    starts_ends(vm, a, "endswith", tm::endswith)
}

fn b_decode(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = self_of(vm, a, "decode")?;
    let [e, er] = rest(a).bind(vm, "decode", ["encoding", "errors"], 0)?;
    let str_of = |x: Option<Obj>, d: &'static str, n: &str| -> PyResult<&'static str> {
        match x {
            Some(x) => super::str::as_str(x).ok_or_else(|| {
                vm.type_error(&format!(
                    "decode() argument '{}' must be str, not {}",
                    n,
                    x.ty().name()
                ))
            }),
            None => Ok(d),
        }
    };
    let e = str_of(e, "utf-8", "encoding")?;
    let er = str_of(er, "strict", "errors")?;
    let r = super::str::decode(vm, data(o), e, er)?;
    vm.new_string(r)
}

fn b_hex(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = a.pos.first().copied().unwrap_or(none());
    let d = buffer_of(o)
        .ok_or_else(|| vm.type_error("descriptor 'hex' requires a bytes-like object"))?
        .to_vec();
    let [sep, per] = rest(a).bind(vm, "hex", ["sep", "bytes_per_sep"], 0)?;
    let sep = match sep {
        Some(x) => {
            let sb: Vec<u8> = if let Some(s) = super::str::as_str(x) {
                s.as_bytes().to_vec()
            } else if let Some(b) = buffer_of(x) {
                b.to_vec()
            } else {
                return Err(
                    vm.type_error(&format!("object of type '{}' has no len()", x.ty().name()))
                );
            };
            if sb.len() != 1 || super::str::as_str(x).is_some_and(|s| s.chars().count() != 1) {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !sb[0].is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(sb[0] as char)
        }
        None => None,
    };
    let per = match per {
        Some(p) => ssize_arg(vm, p)?,
        None => 1,
    };
    let mut out = String::with_capacity(d.len() * 3);
    let n = d.len();
    let group = per.unsigned_abs().max(1);
    for (i, b) in d.iter().enumerate() {
        if i > 0 && per != 0 {
            if let Some(c) = sep {
                // Groups are counted from the right for positive counts.
                let k = if per > 0 { n - i } else { i };
                if k % group == 0 {
                    out.push(c);
                }
            }
        }
        out.push_str(&format!("{:02x}", b));
    }
    vm.new_string(out)
}

fn b_fromhex(vm: &Vm, a: &Args) -> PyResult<Obj> {
    rest(a).check_method(vm, "bytes", "fromhex", 1, 1)?;
    let cls = a.pos[0];
    let s = super::str::as_str(a.pos[1]).ok_or_else(|| {
        vm.type_error(&format!(
            "fromhex() argument must be str, not {}",
            a.pos[1].ty().name()
        ))
    })?;
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    let bad = |i: usize| {
        vm.value_error(&format!(
            "non-hexadecimal number found in fromhex() arg at position {}",
            i
        ))
    };
    while i < b.len() {
        if b[i].is_ascii_whitespace() || b[i] == 0x0b {
            i += 1;
            continue;
        }
        let hi = (b[i] as char).to_digit(16).ok_or_else(|| bad(i))?;
        let lo = b
            .get(i + 1)
            .and_then(|c| (*c as char).to_digit(16))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let r = new(vm, &out)?;
    match cls.as_type() {
        Some(t) if t.is(&BYTES_TYPE) => Ok(r),
        Some(t) if t.is(&BYTEARRAY_TYPE) => bytearray::new(vm, &out),
        _ => crate::vm::call::call(vm, cls, &[r]),
    }
}

fn b_join(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "join", 1, 1)?;
    if abs::iter(vm, r[0]).is_err() {
        vm.take_exc();
        return Err(vm.type_error("can only join an iterable"));
    }
    let items = abs::to_vec(vm, r[0])?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let Some(xb) = buffer_of(*x) else {
            return Err(vm.type_error(&format!(
                "sequence item {}: expected a bytes-like object, {} found",
                i,
                x.ty().name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(data(o));
        }
        out.extend_from_slice(xb);
    }
    make(vm, o, &out)
}

fn pad(
    vm: &Vm,
    a: &Args,
    name: &str,
    f: fn(&str, isize, char) -> Result<String, crate::text::TextError>,
) -> PyResult<Obj> {
    let (o, r) = this(vm, a, name, 1, 2)?;
    let w = ssize_arg(vm, r[0])?;
    let fill = match r.get(1) {
        Some(x) => match buffer_of(*x) {
            Some([c]) => *c as char,
            _ => {
                return Err(vm.type_error(&format!(
                    "{}() argument 2 must be a byte string of length 1, not {}",
                    name,
                    x.ty().name()
                )))
            }
        },
        None => ' ',
    };
    let s = f(&l1(data(o)), w, fill).map_err(|e| text_err(vm, e))?;
    ret(vm, o, &unl1(&s))
}
fn b_center(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pad(vm, a, "center", tm::center)
}
fn b_ljust(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pad(vm, a, "ljust", tm::ljust)
}
fn b_rjust(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pad(vm, a, "rjust", tm::rjust)
}
fn b_zfill(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "zfill", 1, 1)?;
    let w = ssize_arg(vm, r[0])?;
    let s = tm::zfill(&l1(data(o)), w).map_err(|e| text_err(vm, e))?;
    ret(vm, o, &unl1(&s))
}
fn b_expandtabs(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = self_of(vm, a, "expandtabs")?;
    let [t] = rest(a).bind(vm, "expandtabs", ["tabsize"], 0)?;
    let n = match t {
        Some(t) => ssize_arg(vm, t)?,
        None => 8,
    };
    let s = tm::expandtabs(&l1(data(o)), n).map_err(|e| text_err(vm, e))?;
    ret(vm, o, &unl1(&s))
}

const WS: &str = " \t\n\r\x0b\x0c";
fn is_ws(c: u8) -> bool {
    c == b' ' || (b'\t'..=b'\r').contains(&c)
}

fn strip_common(
    vm: &Vm,
    a: &Args,
    name: &str,
    f: for<'x> fn(&'x str, Option<&str>) -> &'x str,
) -> PyResult<Obj> {
    let (o, r) = this(vm, a, name, 0, 1)?;
    let chars: Cow<str> = match abs::opt(r.first().copied()) {
        Some(c) => l1(buf_arg(vm, c, BUF_REQUIRED)?),
        None => Cow::Borrowed(WS),
    };
    let s = l1(data(o));
    let v = unl1(f(&s, Some(&chars)));
    ret(vm, o, &v)
}
fn b_strip(vm: &Vm, a: &Args) -> PyResult<Obj> {
    strip_common(vm, a, "strip", tm::strip)
}
fn b_lstrip(vm: &Vm, a: &Args) -> PyResult<Obj> {
    strip_common(vm, a, "lstrip", tm::lstrip)
}
fn b_rstrip(vm: &Vm, a: &Args) -> PyResult<Obj> {
    strip_common(vm, a, "rstrip", tm::rstrip)
}

fn list_of(vm: &Vm, like: Obj, parts: &[&[u8]]) -> PyResult<Obj> {
    let l = super::list::new(vm, &[])?;
    for p in parts {
        let x = make(vm, like, p)?;
        super::list::append(vm, l, x)?;
    }
    Ok(l)
}

fn split_common(vm: &Vm, a: &Args, name: &str, rev: bool) -> PyResult<Obj> {
    let o = self_of(vm, a, name)?;
    let [sep, maxsplit] = rest(a).bind(vm, name, ["sep", "maxsplit"], 0)?;
    let n = match maxsplit {
        Some(m) => ssize_arg(vm, m)?,
        None => -1,
    };
    let d = data(o);
    match abs::opt(sep) {
        Some(x) => {
            let sb = buf_arg(vm, x, BUF_REQUIRED)?;
            let h = l1(d);
            let f = if rev { tm::rsplit } else { tm::split };
            let parts = f(&h, Some(&l1(sb)), n).map_err(|e| text_err(vm, e))?;
            let v: Vec<Vec<u8>> = parts.iter().map(|p| unl1(p)).collect();
            let refs: Vec<&[u8]> = v.iter().map(|p| p.as_slice()).collect();
            list_of(vm, o, &refs)
        }
        None => {
            let mut parts: Vec<&[u8]> = Vec::new();
            let mut left = if n < 0 { usize::MAX } else { n as usize };
            let mut rest: &[u8] = d;
            loop {
                rest = if rev {
                    trim_ws_end(rest)
                } else {
                    trim_ws_start(rest)
                };
                if rest.is_empty() {
                    break;
                }
                if left == 0 {
                    parts.push(rest);
                    break;
                }
                left -= 1;
                if rev {
                    let i = rest.iter().rposition(|&c| is_ws(c)).map_or(0, |i| i + 1);
                    parts.push(&rest[i..]);
                    rest = &rest[..i];
                } else {
                    let i = rest.iter().position(|&c| is_ws(c)).unwrap_or(rest.len());
                    parts.push(&rest[..i]);
                    rest = &rest[i..];
                }
            }
            if rev {
                parts.reverse();
            }
            list_of(vm, o, &parts)
        }
    }
}
fn trim_ws_start(b: &[u8]) -> &[u8] {
    let i = b.iter().position(|&c| !is_ws(c)).unwrap_or(b.len());
    &b[i..]
}
fn trim_ws_end(b: &[u8]) -> &[u8] {
    let i = b.iter().rposition(|&c| !is_ws(c)).map_or(0, |i| i + 1);
    &b[..i]
}
fn b_split(vm: &Vm, a: &Args) -> PyResult<Obj> {
    split_common(vm, a, "split", false)
}
fn b_rsplit(vm: &Vm, a: &Args) -> PyResult<Obj> {
    split_common(vm, a, "rsplit", true)
}

fn b_splitlines(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = self_of(vm, a, "splitlines")?;
    let [k] = rest(a).bind(vm, "splitlines", ["keepends"], 0)?;
    let keep = match k {
        Some(k) => ssize_arg(vm, k)? != 0,
        None => false,
    };
    let d = data(o);
    let mut parts: Vec<&[u8]> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < d.len() {
        if d[i] == b'\n' || d[i] == b'\r' {
            let mut e = i + 1;
            if d[i] == b'\r' && d.get(e) == Some(&b'\n') {
                e += 1;
            }
            parts.push(&d[j..if keep { e } else { i }]);
            j = e;
            i = e;
        } else {
            i += 1;
        }
    }
    if j < d.len() {
        parts.push(&d[j..]);
    }
    list_of(vm, o, &parts)
}

fn part_common(vm: &Vm, a: &Args, name: &str, rev: bool) -> PyResult<Obj> {
    let (o, r) = this(vm, a, name, 1, 1)?;
    let sep = buf_arg(vm, r[0], BUF_REQUIRED)?.to_vec();
    let h = l1(data(o));
    let f = if rev { tm::rpartition } else { tm::partition };
    let (x, y, z) = f(&h, &l1(&sep)).map_err(|e| text_err(vm, e))?;
    let (x, y, z) = (unl1(x), unl1(y), unl1(z));
    let xs = ret(vm, o, &x)?;
    let ys = make(vm, o, &y)?;
    let zs = ret(vm, o, &z)?;
    tuple::new(vm, &[xs, ys, zs])
}
fn b_partition(vm: &Vm, a: &Args) -> PyResult<Obj> {
    part_common(vm, a, "partition", false)
}
fn b_rpartition(vm: &Vm, a: &Args) -> PyResult<Obj> {
    part_common(vm, a, "rpartition", true)
}

fn b_removeprefix(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "removeprefix", 1, 1)?;
    let p = buf_arg(vm, r[0], BUF_REQUIRED)?;
    let d = data(o);
    ret(vm, o, d.strip_prefix(p).unwrap_or(d))
}
fn b_removesuffix(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "removesuffix", 1, 1)?;
    let p = buf_arg(vm, r[0], BUF_REQUIRED)?;
    let d = data(o);
    ret(vm, o, d.strip_suffix(p).unwrap_or(d))
}

fn b_replace(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "replace", 2, 3)?;
    let n = match r.get(2) {
        Some(c) => ssize_arg(vm, *c)?,
        None => -1,
    };
    let old = l1(buf_arg(vm, r[0], BUF_REQUIRED)?).into_owned();
    let new = l1(buf_arg(vm, r[1], BUF_REQUIRED)?).into_owned();
    let s = tm::replace(&l1(data(o)), &old, &new, n).map_err(|e| text_err(vm, e))?;
    ret(vm, o, &unl1(&s))
}

fn b_translate(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = self_of(vm, a, "translate")?;
    let [table, delete] = rest(a).bind(vm, "translate", ["table", "delete"], 1)?;
    let table = match abs::opt(table) {
        Some(t) => {
            let tb = buf_arg(vm, t, BUF_REQUIRED)?;
            if tb.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(tb.to_vec())
        }
        None => None,
    };
    let del = match delete {
        Some(d) => buf_arg(vm, d, BUF_REQUIRED)?.to_vec(),
        None => Vec::new(),
    };
    let v: Vec<u8> = data(o)
        .iter()
        .filter(|c| !del.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    ret(vm, o, &v)
}

fn b_maketrans(vm: &Vm, a: &Args) -> PyResult<Obj> {
    a.check(vm, "maketrans", 2, 2)?;
    let x = buf_arg(vm, a.pos[0], BUF_REQUIRED)?.to_vec();
    let y = buf_arg(vm, a.pos[1], BUF_REQUIRED)?.to_vec();
    if x.len() != y.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (p, q) in x.iter().zip(y.iter()) {
        t[*p as usize] = *q;
    }
    new(vm, &t)
}

fn map_bytes(vm: &Vm, a: &Args, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Obj> {
    let (o, _) = this(vm, a, name, 0, 0)?;
    let v = f(data(o));
    make(vm, o, &v)
}
fn b_lower(vm: &Vm, a: &Args) -> PyResult<Obj> {
    map_bytes(vm, a, "lower", |d| d.to_ascii_lowercase())
}
fn b_upper(vm: &Vm, a: &Args) -> PyResult<Obj> {
    map_bytes(vm, a, "upper", |d| d.to_ascii_uppercase())
}
fn b_swapcase(vm: &Vm, a: &Args) -> PyResult<Obj> {
    map_bytes(vm, a, "swapcase", |d| {
        d.iter()
            .map(|c| c ^ if c.is_ascii_alphabetic() { 0x20 } else { 0 })
            .collect()
    })
}
fn b_capitalize(vm: &Vm, a: &Args) -> PyResult<Obj> {
    map_bytes(vm, a, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}
fn b_title(vm: &Vm, a: &Args) -> PyResult<Obj> {
    map_bytes(vm, a, "title", |d| {
        let mut prev = false;
        d.iter()
            .map(|&c| {
                let r = if prev {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred(vm: &Vm, a: &Args, name: &str, f: fn(&[u8]) -> bool) -> PyResult<Obj> {
    let (o, _) = this(vm, a, name, 0, 0)?;
    Ok(py_bool(f(data(o))))
}
fn all(d: &[u8], f: fn(&u8) -> bool) -> bool {
    !d.is_empty() && d.iter().all(f)
}
fn b_isalnum(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isalnum", |d| all(d, u8::is_ascii_alphanumeric))
}
fn b_isalpha(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isalpha", |d| all(d, u8::is_ascii_alphabetic))
}
fn b_isascii(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isascii", |d| d.is_ascii())
}
fn b_isdigit(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isdigit", |d| all(d, u8::is_ascii_digit))
}
fn b_isspace(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isspace", |d| all(d, |c| is_ws(*c)))
}
fn b_islower(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}
fn b_isupper(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}
fn b_istitle(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "istitle", |d| {
        let (mut cased, mut prev) = (false, false);
        for c in d {
            if c.is_ascii_uppercase() {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev {
                    return false;
                }
                prev = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

fn b_getnewargs(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, _) = this(vm, a, "__getnewargs__", 0, 0)?;
    let c = new(vm, data(o))?;
    tuple::new(vm, &[c])
}
fn b_bytes(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, _) = this(vm, a, "__bytes__", 0, 0)?;
    if o.ty().is(&BYTES_TYPE) {
        return Ok(o);
    }
    new(vm, data(o))
}
fn b_mod(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "__mod__", 1, 1)?;
    bytes_num(vm, BinOp::Mod, o, r[0], false)
}
fn b_rmod(vm: &Vm, _a: &Args) -> PyResult<Obj> {
    let _ = vm;
    Ok(not_implemented())
}
fn b_new(vm: &Vm, a: &Args) -> PyResult<Obj> {
    super::strmethods::dunder_new(vm, a, &BYTES_TYPE, bytes_new)
}
fn b_len(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, _) = this(vm, a, "__len__", 0, 0)?;
    Ok(Obj::small(data(o).len() as isize))
}
fn b_getitem(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "__getitem__", 1, 1)?;
    bytes_getitem(vm, o, r[0])
}
fn b_contains(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "__contains__", 1, 1)?;
    Ok(py_bool(bytes_contains(vm, o, r[0])?))
}
fn b_eq(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "__eq__", 1, 1)?;
    bytes_cmp(vm, o, r[0], CmpOp::Eq)
}

/// Methods of bytearray: the first [`N_SHARED`] are bytes' too.
pub static BYTE_ATTRS: [AttrEntry; N_SHARED + 13] = [
    method!("capitalize", b_capitalize),
    method!("center", b_center),
    method!("count", b_count),
    method!("decode", b_decode),
    method!("endswith", b_endswith),
    method!("expandtabs", b_expandtabs),
    method!("find", b_find),
    classmethod!("fromhex", b_fromhex),
    method!("hex", b_hex),
    method!("index", b_index),
    method!("isalnum", b_isalnum),
    method!("isalpha", b_isalpha),
    method!("isascii", b_isascii),
    method!("isdigit", b_isdigit),
    method!("islower", b_islower),
    method!("isspace", b_isspace),
    method!("istitle", b_istitle),
    method!("isupper", b_isupper),
    method!("join", b_join),
    method!("ljust", b_ljust),
    method!("lower", b_lower),
    method!("lstrip", b_lstrip),
    staticmethod!("maketrans", b_maketrans),
    method!("partition", b_partition),
    method!("removeprefix", b_removeprefix),
    method!("removesuffix", b_removesuffix),
    method!("replace", b_replace),
    method!("rfind", b_rfind),
    method!("rindex", b_rindex),
    method!("rjust", b_rjust),
    method!("rpartition", b_rpartition),
    method!("rsplit", b_rsplit),
    method!("rstrip", b_rstrip),
    method!("split", b_split),
    method!("splitlines", b_splitlines),
    method!("startswith", b_startswith),
    method!("strip", b_strip),
    method!("swapcase", b_swapcase),
    method!("title", b_title),
    method!("translate", b_translate),
    method!("upper", b_upper),
    method!("zfill", b_zfill),
    method!("__mod__", b_mod),
    method!("__rmod__", b_rmod),
    method!("__len__", b_len),
    method!("__getitem__", b_getitem),
    method!("__contains__", b_contains),
    method!("__eq__", b_eq),
    method!("__getnewargs__", b_getnewargs),
    method!("__bytes__", b_bytes),
    staticmethod!("__new__", b_new),
    method!("append", bytearray::m_append),
    method!("extend", bytearray::m_extend),
    method!("insert", bytearray::m_insert),
    method!("pop", bytearray::m_pop),
    method!("remove", bytearray::m_remove),
    method!("reverse", bytearray::m_reverse),
    method!("clear", bytearray::m_clear),
    method!("copy", bytearray::m_copy),
    method!("__iadd__", bytearray::m_iadd),
    method!("__imul__", bytearray::m_imul),
    method!("__alloc__", bytearray::m_alloc),
    method!("__setitem__", bytearray::m_setitem),
    method!("__delitem__", bytearray::m_delitem),
];
const N_SHARED: usize = 51;

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static BYTES_TYPE: TypeObj = TypeObj::builtin(
    "bytes",
    Layout::Bytes,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(bytes_repr),
        hash: Some(bytes_hash),
        richcmp: Some(bytes_cmp),
        len: Some(bytes_len),
        contains: Some(bytes_contains),
        num: Some(bytes_num),
        getitem: Some(bytes_getitem),
        iter: Some(bytes_iter),
        new: Some(bytes_new),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    BYTE_ATTRS.split_at(N_SHARED).0,
    core::mem::size_of::<BytesObj>(),
    super::tpflags::BASETYPE,
);

/// Builtin names provided by this module (bytes, bytearray, memoryview).
pub static BUILTINS: [AttrEntry; 3] = [
    crate::constant!("bytes", BYTES_TYPE),
    crate::constant!("bytearray", BYTEARRAY_TYPE),
    crate::constant!("memoryview", super::memoryview::MEMORYVIEW_TYPE),
];
