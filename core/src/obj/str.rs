//! `str`: immutable UTF-8 text stored inline after the header, with its
//! length in code points cached (indexing is O(1) for ASCII strings).
#![allow(unsafe_code)]

use super::{Layout, Obj, ObjHead, PyPayload, TypeObj};
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

#[repr(C)]
pub struct StrObj {
    pub head: ObjHead,
    /// Cached hash (-1: not computed yet).
    pub hash: Cell<isize>,
    /// Length in bytes.
    pub len: usize,
    /// Length in code points.
    pub chars: usize,
    data: [u8; 0],
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for StrObj {
    const LAYOUT: Layout = Layout::Str;
}

/// A str object in flash: the layout of [`StrObj`] followed by its text
/// and a NUL, with the hash precomputed (so nothing ever writes it). The
/// build script generates one for every name and string constant of the
/// frozen modules: the static string pool, consulted by `Vm::intern` before
/// its heap table, so those names cost no heap (MicroPython's static qstrs).
#[repr(C)]
pub struct StaticStr<const N: usize> {
    head: ObjHead,
    hash: isize,
    len: usize,
    chars: usize,
    data: [u8; N],
}

impl<const N: usize> StaticStr<N> {
    /// `data` is the UTF-8 text followed by one NUL; `hash` must be
    /// `hash_str` of the text and `chars` its length in code points.
    pub const fn new(hash: isize, chars: usize, data: [u8; N]) -> Self {
        StaticStr {
            head: ObjHead::immortal(&STR_TYPE),
            hash,
            len: N - 1,
            chars,
            data,
        }
    }
}

// The text of a static str sits where `as_str` looks for it.
const _: () = assert!(core::mem::offset_of!(StaticStr<1>, data) == core::mem::size_of::<StrObj>());
const _: () =
    assert!(core::mem::offset_of!(StaticStr<1>, hash) == core::mem::offset_of!(StrObj, hash));

/// The static string pool: the objects, sorted by hash.
pub struct StrPool(pub &'static [*const u8]);
// SAFETY: the pool and the objects it points at are immutable statics.
unsafe impl Sync for StrPool {}

include!(concat!(env!("OUT_DIR"), "/strpool.rs"));

/// String `i` of the static pool.
fn pool_obj(i: usize) -> Option<Obj> {
    let &p = STR_POOL.0.get(i)?;
    // SAFETY: pool entries point at `StaticStr` statics (a str header).
    Some(unsafe { Obj::from_ptr(p) })
}

/// The precomputed hash of a static str.
fn static_hash(o: Obj) -> isize {
    o.downcast::<StrObj>().map(|s| s.hash.get()).unwrap_or(-1)
}

/// The static str with text `s`, if the pool has one.
pub fn pool_lookup(s: &str) -> Option<Obj> {
    let pool = STR_POOL.0;
    if pool.is_empty() {
        return None;
    }
    let h = hash_str(s);
    let mut i = pool.partition_point(|&p| {
        // SAFETY: as in `pool_obj`.
        static_hash(unsafe { Obj::from_ptr(p) }) < h
    });
    while let Some(o) = pool_obj(i) {
        if static_hash(o) != h {
            break;
        }
        if as_str(o) == Some(s) {
            return Some(o);
        }
        i += 1;
    }
    None
}

/// The text of string `i` of the static pool.
pub fn pool_str(i: usize) -> Option<&'static str> {
    as_str(pool_obj(i)?)
}

/// A new str with the given text.
pub fn new(vm: &Vm, s: &str) -> PyResult<Obj> {
    new_typed(vm, &STR_TYPE, s)
}

/// A new str of type `t` (str or a subclass). The text starts at
/// `t.basicsize`, after any `__dict__`/slots a subclass adds.
pub fn new_typed(vm: &Vm, t: &'static TypeObj, s: &str) -> PyResult<Obj> {
    let off = t.basicsize.max(core::mem::size_of::<StrObj>());
    let size = off + s.len() + 1;
    let chars = if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    };
    let o = vm.alloc_obj_sized(
        StrObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            hash: Cell::new(-1),
            len: s.len(),
            chars,
            data: [],
        },
        size,
    )?;
    // SAFETY: the allocation has room for s.len() + 1 bytes at `off`
    // (zeroed, so the text is NUL-terminated for C).
    unsafe {
        let p = (o.as_ptr() as *mut u8).add(off);
        core::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
    }
    Ok(o)
}

/// A new exact str holding `x` then `y` (`chars` code points in all), in an
/// allocation of `size` bytes (at least the header, the text and its NUL).
fn joined(vm: &Vm, x: &str, y: &str, chars: usize, size: usize) -> PyResult<Obj> {
    let off = core::mem::size_of::<StrObj>();
    let o = vm.alloc_obj_sized(
        StrObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: &STR_TYPE,
            },
            hash: Cell::new(-1),
            len: x.len() + y.len(),
            chars,
            data: [],
        },
        size.max(off + x.len() + y.len() + 1),
    )?;
    // SAFETY: the allocation has room for the text and its NUL at `off`
    // (zeroed, so NUL-terminated); x and y are other objects' text.
    unsafe {
        let p = (o.as_ptr() as *mut u8).add(off);
        core::ptr::copy_nonoverlapping(x.as_ptr(), p, x.len());
        core::ptr::copy_nonoverlapping(y.as_ptr(), p.add(x.len()), y.len());
    }
    Ok(o)
}

/// `a + b` for two str objects: one allocation of the result, whose
/// code-point count comes from the operands (no scan of the text).
pub fn concat(vm: &Vm, a: Obj, b: Obj) -> PyResult<Option<Obj>> {
    let (Some(x), Some(y)) = (as_str(a), as_str(b)) else {
        return Ok(None);
    };
    let (Some(sa), Some(sb)) = (a.downcast::<StrObj>(), b.downcast::<StrObj>()) else {
        return Ok(None);
    };
    let n = x
        .len()
        .checked_add(y.len())
        .ok_or_else(|| vm.memory_error())?;
    let size = core::mem::size_of::<StrObj>() + n + 1;
    let o = joined(vm, x, y, sa.chars + sb.chars, size)?;
    Ok(Some(o))
}

/// Is `o` a str (not a subclass)?
#[inline]
pub fn is_exact(o: Obj) -> bool {
    o.downcast::<StrObj>()
        .is_some_and(|_| core::ptr::eq(o.ty(), &STR_TYPE))
}

/// Bytes an allocation request of `size` really gets.
fn rounded(size: usize) -> usize {
    size.div_ceil(crate::gc::BLOCK) * crate::gc::BLOCK
}

/// `a + b` for exact strs as the result of `local += b`: like [`concat`],
/// with room for later appends ([`append_owned`]) when the text is long
/// enough for copying to matter. Returns the str and the size of its
/// allocation.
pub fn concat_growable(vm: &Vm, a: Obj, b: Obj) -> PyResult<(Obj, usize)> {
    let o = match concat(vm, a, b)? {
        Some(o) => o,
        None => return Err(vm.type_error("can only concatenate str to str")),
    };
    let n = o.downcast::<StrObj>().map_or(0, |s| s.len);
    let off = core::mem::size_of::<StrObj>();
    let mut cap = rounded(off + n + 1);
    if n >= 64 {
        // Best effort: room to grow by half without moving.
        let size = off + n + n / 2 + 1;
        if crate::gc::grow_in_place(o.as_ptr() as *mut u8, size) {
            cap = rounded(size);
        }
    }
    Ok((o, cap))
}

/// `a += b` where `a` is an exact str of a `cap`-byte allocation that only
/// the local being assigned refers to (it was made by [`concat_growable`]
/// or this function and the local was not read since): `b`'s text is
/// appended to `a` itself when its allocation has room or can grow in
/// place, else a new str with room to spare is made (`a` is left as it was,
/// for the collector). Returns the str and the size of its allocation.
pub fn append_owned(vm: &Vm, a: Obj, b: Obj, cap: usize) -> PyResult<(Obj, usize)> {
    let (Some(sa), Some(y)) = (a.downcast::<StrObj>(), as_str(b)) else {
        return concat_growable(vm, a, b);
    };
    let off = core::mem::size_of::<StrObj>();
    let n = sa
        .len
        .checked_add(y.len())
        .ok_or_else(|| vm.memory_error())?;
    let need = off + n + 1;
    let p = a.as_ptr() as *mut u8;
    let mut room = cap;
    if room < need {
        let want = need.saturating_add(n / 2);
        if crate::gc::grow_in_place(p, want) {
            room = rounded(want);
        }
    }
    if room < need {
        let chars = sa.chars + char_len(b);
        let size = need + n / 2;
        let o = joined(vm, as_str(a).unwrap_or(""), y, chars, size)?;
        return Ok((o, rounded(size)));
    }
    let old = sa.len;
    let chars = sa.chars + char_len(b);
    sa.hash.set(-1);
    let s = p as *mut StrObj;
    // SAFETY: `a`'s allocation holds `room` >= `need` bytes, so its text
    // area has room for n + 1 bytes after the header; `y` is valid text
    // (`copy` allows it to be `a`'s own). Nothing else refers to `a` (the
    // VM's ownership rule), so changing its text is not observable, and no
    // Rust reference to its header is used after these writes.
    unsafe {
        let q = p.add(off);
        core::ptr::copy(y.as_ptr(), q.add(old), y.len());
        *q.add(n) = 0;
        core::ptr::addr_of_mut!((*s).len).write(n);
        core::ptr::addr_of_mut!((*s).chars).write(chars);
    }
    Ok((a, room))
}

/// The text of a str (or str subclass) object.
#[inline]
pub fn as_str(o: Obj) -> Option<&'static str> {
    let s = o.downcast::<StrObj>()?;
    let off = o.ty().basicsize.max(core::mem::size_of::<StrObj>());
    // SAFETY: str objects hold `len` bytes of valid UTF-8 at `basicsize`.
    Some(unsafe {
        core::str::from_utf8_unchecked(core::slice::from_raw_parts(
            (s as *const StrObj as *const u8).add(off),
            s.len,
        ))
    })
}

/// Length in code points.
#[inline]
pub fn char_len(o: Obj) -> usize {
    o.downcast::<StrObj>().map(|s| s.chars).unwrap_or(0)
}

#[inline]
pub fn is_str(o: Obj) -> bool {
    o.downcast::<StrObj>().is_some()
}

/// The hash of a text (FNV-1a; never -1).
pub fn hash_str(s: &str) -> isize {
    hash_bytes(s.as_bytes())
}

/// The hash of bytes (equal to the str hash of the same ASCII text).
pub fn hash_bytes(s: &[u8]) -> isize {
    crate::strhash::hash_for(s, usize::BITS) as isize
}

/// Hash of a str object (cached).
pub fn hash(o: Obj) -> isize {
    match o.downcast::<StrObj>() {
        Some(s) => {
            let h = s.hash.get();
            if h != -1 {
                return h;
            }
            let h = hash_str(as_str(o).unwrap_or(""));
            s.hash.set(h);
            h
        }
        None => 0,
    }
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static STR_TYPE: TypeObj = TypeObj::builtin(
    "str",
    Layout::Str,
    Some(&super::typeobj::OBJECT_TYPE),
    super::strmethods::STR_SLOTS,
    &super::strmethods::STR_ATTRS,
    core::mem::size_of::<StrObj>(),
    super::tpflags::BASETYPE,
);

// ------------------------------------------------------------ shared helpers

use super::{exc, int, slice::SliceObj, tuple};
use crate::vm::abs;
use alloc::string::String;
use alloc::vec::Vec;

/// A slice bound or `start`/`end` argument: an int (clamped to `isize`) or
/// anything with `__index__` (CPython's `_PyEval_SliceIndex`).
pub fn slice_index(vm: &Vm, o: Obj) -> PyResult<isize> {
    if let Some(v) = o.as_small() {
        return Ok(v);
    }
    if !int::is_int(o) && o.ty().slots.index.is_none() {
        return Err(
            vm.type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let i = abs::index(vm, o)?;
    Ok(match int::to_bigint(i) {
        Some(b) => b.to_isize().unwrap_or(if b.is_negative() {
            isize::MIN
        } else {
            isize::MAX
        }),
        None => 0,
    })
}

/// An optional `start`/`end` argument (`None` when omitted or None).
pub fn opt_index(vm: &Vm, o: Option<Obj>) -> PyResult<Option<isize>> {
    match abs::opt(o) {
        Some(x) => slice_index(vm, x).map(Some),
        None => Ok(None),
    }
}

/// An int argument as `Py_ssize_t` (OverflowError when too large).
pub fn ssize_arg(vm: &Vm, o: Obj) -> PyResult<isize> {
    if let Some(v) = o.as_small() {
        return Ok(v);
    }
    let i = abs::index(vm, o)?;
    int::to_bigint(i)
        .and_then(|b| b.to_isize())
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// `slice.indices(len)`: `(start, stop, step, slicelength)`.
pub fn slice_indices(vm: &Vm, sl: &SliceObj, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    let step = if sl.step.is_none() {
        1
    } else {
        slice_index(vm, sl.step)?
    };
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let step = step.max(-isize::MAX);
    let n = len as isize;
    let adj = |v: Obj, lo_default: isize, hi_default: isize| -> PyResult<isize> {
        if v.is_none() {
            return Ok(if step < 0 { hi_default } else { lo_default });
        }
        let mut i = slice_index(vm, v)?;
        if i < 0 {
            i = i.saturating_add(n);
            if i < 0 {
                i = if step < 0 { -1 } else { 0 };
            }
        } else if i >= n {
            i = if step < 0 { n - 1 } else { n };
        }
        Ok(i)
    };
    let start = adj(sl.start, 0, n - 1)?;
    let stop = adj(sl.stop, n, -1)?;
    let count = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, count as usize))
}

/// Is `k` usable as an integer index?
pub fn is_index(k: Obj) -> bool {
    int::is_int(k) || k.ty().slots.index.is_some()
}

/// Normalise an item index (negative counts from the end).
pub fn item_index(vm: &Vm, k: Obj, len: usize, msg: &str) -> PyResult<usize> {
    let i = abs::index_isize(vm, k)?;
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j >= len as isize {
        return Err(vm.index_error(msg));
    }
    Ok(j as usize)
}

/// Raise the error of a pure text helper.
pub fn text_err(vm: &Vm, e: crate::text::TextError) -> crate::vm::Raised {
    match e {
        crate::text::TextError::Value(m) => vm.value_error(&m),
        crate::text::TextError::Overflow(m) => vm.overflow_error(&m),
        crate::text::TextError::Memory => vm.memory_error(),
    }
}

/// `ascii(o)`.
pub fn ascii_of(vm: &Vm, o: Obj) -> PyResult<String> {
    let r = abs::repr(vm, o)?;
    Ok(crate::text::ascii_escape(as_str(r).unwrap_or("")))
}

// ------------------------------------------------------------------ codecs

#[derive(Copy, Clone, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x110000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

/// Find a codec by (normalised) name: LookupError for unknown ones.
pub fn lookup_codec(vm: &Vm, name: &str) -> PyResult<Codec> {
    let mut n = String::with_capacity(name.len());
    for c in name.chars() {
        n.push(match c {
            '_' | ' ' => '-',
            c => c.to_ascii_lowercase(),
        });
    }
    Ok(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" | "us" => Codec::Ascii,
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819"
        | "iso-ir-100" => Codec::Latin1,
        _ => {
            return Err(vm.new_error(
                &exc::LOOKUP_ERROR,
                &alloc::format!("unknown encoding: {}", name),
            ))
        }
    })
}

fn bad_handler(vm: &Vm, errors: &str) -> crate::vm::Raised {
    vm.new_error(
        &exc::LOOKUP_ERROR,
        &alloc::format!("unknown error handler name '{}'", errors),
    )
}

/// `s.encode(encoding, errors)`.
pub fn encode(vm: &Vm, s: &str, enc: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup_codec(vm, enc)?;
    if codec == Codec::Utf8 || s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let mut out = Vec::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        for &c in &chars[i..j] {
            match errors {
                "strict" => {
                    let msg = if j - i == 1 {
                        let mut b = [0u8; 4];
                        alloc::format!(
                            "'{}' codec can't encode character {} in position {}: ordinal not in range({})",
                            codec.name(),
                            crate::text::ascii_repr(c.encode_utf8(&mut b)),
                            i,
                            limit
                        )
                    } else {
                        alloc::format!(
                            "'{}' codec can't encode characters in position {}-{}: ordinal not in range({})",
                            codec.name(),
                            i,
                            j - 1,
                            limit
                        )
                    };
                    let obj = vm.new_str(s)?;
                    let reason = alloc::format!("ordinal not in range({})", limit);
                    return Err(exc::unicode_error(
                        vm,
                        &exc::UNICODE_ENCODE_ERROR,
                        &msg,
                        codec.name(),
                        obj,
                        i,
                        j,
                        &reason,
                    ));
                }
                "ignore" => {}
                "replace" => out.push(b'?'),
                "backslashreplace" => {
                    let mut b = [0u8; 4];
                    out.extend_from_slice(
                        crate::text::ascii_escape(c.encode_utf8(&mut b)).as_bytes(),
                    )
                }
                "xmlcharrefreplace" => {
                    out.extend_from_slice(alloc::format!("&#{};", c as u32).as_bytes())
                }
                _ => return Err(bad_handler(vm, errors)),
            }
        }
        i = j;
    }
    Ok(out)
}

/// `b.decode(encoding, errors)`.
pub fn decode(vm: &Vm, b: &[u8], enc: &str, errors: &str) -> PyResult<String> {
    let codec = lookup_codec(vm, enc)?;
    let mut out = String::with_capacity(b.len());
    let mut pos = 0;
    while pos < b.len() {
        let rest = &b[pos..];
        // Length of the valid prefix and of the bad sequence after it.
        let (good, bad, reason) = match codec {
            Codec::Latin1 => {
                out.extend(rest.iter().map(|&x| x as char));
                break;
            }
            Codec::Ascii => {
                let n = rest.iter().position(|&x| x >= 0x80).unwrap_or(rest.len());
                (n, 1, "ordinal not in range(128)")
            }
            Codec::Utf8 => match core::str::from_utf8(rest) {
                Ok(_) => (rest.len(), 0, ""),
                Err(e) => {
                    let g = e.valid_up_to();
                    match e.error_len() {
                        None => (g, rest.len() - g, "unexpected end of data"),
                        Some(n) => {
                            let x = rest[g];
                            let start = (0x80..=0xc1).contains(&x) || x >= 0xf5;
                            (
                                g,
                                n,
                                if start {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                },
                            )
                        }
                    }
                }
            },
        };
        // SAFETY-free: the prefix was validated above (ASCII or UTF-8).
        out.push_str(core::str::from_utf8(&rest[..good]).unwrap_or(""));
        pos += good;
        if pos >= b.len() {
            break;
        }
        let bad = bad.max(1);
        match errors {
            "strict" => {
                let msg = if bad == 1 || reason != "unexpected end of data" {
                    alloc::format!(
                        "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                        codec.name(),
                        b[pos],
                        pos,
                        reason
                    )
                } else {
                    alloc::format!(
                        "'{}' codec can't decode bytes in position {}-{}: {}",
                        codec.name(),
                        pos,
                        pos + bad - 1,
                        reason
                    )
                };
                let obj = super::bytes::new(vm, b)?;
                return Err(exc::unicode_error(
                    vm,
                    &exc::UNICODE_DECODE_ERROR,
                    &msg,
                    codec.name(),
                    obj,
                    pos,
                    pos + bad,
                    reason,
                ));
            }
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => {
                for x in &b[pos..pos + bad] {
                    out.push_str(&alloc::format!("\\x{:02x}", x));
                }
            }
            _ => return Err(bad_handler(vm, errors)),
        }
        pos += bad;
    }
    Ok(out)
}

// ------------------------------------------------------------- str.format

struct FmtState<'a> {
    pos: &'a [Obj],
    kw: Option<Obj>,
    /// 0: not decided yet, 1: automatic numbering, 2: manual.
    mode: u8,
    next: usize,
    map: bool,
}

/// `fmt.format(*pos, **kw)` / `fmt.format_map(kw)` (`map`: no positional
/// fields allowed).
pub fn format_impl(
    vm: &Vm,
    fmt: &str,
    pos: &[Obj],
    kw: Option<Obj>,
    map: bool,
) -> PyResult<String> {
    let mut st = FmtState {
        pos,
        kw,
        mode: 0,
        next: 0,
        map,
    };
    let mut out = String::new();
    build_string(vm, fmt, &mut st, 2, &mut out)?;
    Ok(out)
}

fn build_string(
    vm: &Vm,
    fmt: &str,
    st: &mut FmtState,
    depth: u8,
    out: &mut String,
) -> PyResult<()> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let b = fmt.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let lit_end = b[i..]
            .iter()
            .position(|&c| c == b'{' || c == b'}')
            .map_or(b.len(), |p| p + i);
        out.push_str(&fmt[i..lit_end]);
        i = lit_end;
        if i >= b.len() {
            break;
        }
        let c = b[i];
        i += 1;
        if b.get(i) == Some(&c) {
            out.push(c as char);
            i += 1;
            continue;
        }
        if c == b'}' {
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if i >= b.len() {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        // Field name: up to '!', ':' or '}' (brackets skipped).
        let name_start = i;
        loop {
            match b.get(i) {
                None => return Err(vm.value_error("expected '}' before end of string")),
                Some(b'{') => return Err(vm.value_error("unexpected '{' in field name")),
                Some(b'[') => {
                    while i < b.len() && b[i] != b']' {
                        i += 1;
                    }
                    if i < b.len() {
                        i += 1;
                    }
                }
                Some(b'}' | b':' | b'!') => break,
                Some(_) => i += 1,
            }
        }
        let name = &fmt[name_start..i];
        let mut conv = 0u8;
        if b[i] == b'!' {
            i += 1;
            let Some(ch) = fmt[i..].chars().next() else {
                return Err(vm.value_error("end of string while looking for conversion specifier"));
            };
            i += ch.len_utf8();
            match b.get(i) {
                None => return Err(vm.value_error("unmatched '{' in format spec")),
                Some(b':' | b'}') => {}
                Some(_) => return Err(vm.value_error("expected ':' after conversion specifier")),
            }
            conv = match ch {
                'r' | 's' | 'a' => ch as u8,
                _ => {
                    return Err(vm.value_error(&alloc::format!(
                        "Unknown conversion specifier {}",
                        if (' '..='~').contains(&ch) {
                            alloc::format!("{}", ch)
                        } else {
                            alloc::format!("\\x{:x}", ch as u32)
                        }
                    )))
                }
            };
        }
        let mut spec = "";
        if b[i] == b':' {
            i += 1;
            let s0 = i;
            let mut count = 1;
            loop {
                match b.get(i) {
                    None => return Err(vm.value_error("unmatched '{' in format spec")),
                    Some(b'{') => count += 1,
                    Some(b'}') => {
                        count -= 1;
                        if count == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            spec = &fmt[s0..i];
        }
        i += 1; // the closing '}'
        let v = get_field(vm, name, st)?;
        let v = match conv {
            b'r' => abs::repr(vm, v)?,
            b's' => abs::str(vm, v)?,
            b'a' => {
                let s = ascii_of(vm, v)?;
                vm.new_string(s)?
            }
            _ => v,
        };
        let spec_obj = if spec.contains('{') {
            let mut sub = String::new();
            build_string(vm, spec, st, depth - 1, &mut sub)?;
            vm.new_string(sub)?
        } else {
            vm.new_str(spec)?
        };
        let r = abs::format(vm, v, spec_obj)?;
        out.push_str(as_str(r).unwrap_or(""));
    }
    Ok(())
}

fn parse_usize(s: &str) -> Option<usize> {
    if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn get_field(vm: &Vm, name: &str, st: &mut FmtState) -> PyResult<Obj> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let idx = if first.is_empty() {
        if st.mode == 2 {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        st.mode = 1;
        st.next += 1;
        Some(st.next - 1)
    } else {
        let n = parse_usize(first);
        if n.is_some() {
            if st.mode == 1 {
                return Err(vm.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            st.mode = 2;
        }
        n
    };
    let mut v = match idx {
        Some(k) => {
            if st.map {
                return Err(vm.value_error("Format string contains positional fields"));
            }
            match st.pos.get(k) {
                Some(v) => *v,
                None => {
                    return Err(vm.index_error(&alloc::format!(
                        "Replacement index {} out of range for positional args tuple",
                        k
                    )))
                }
            }
        }
        None => {
            let key = vm.new_str(first)?;
            match st.kw {
                Some(m) => abs::getitem(vm, m, key)?,
                None => return Err(vm.key_error(key)),
            }
        }
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        let dot = rest.starts_with('.');
        rest = &rest[1..];
        if dot {
            let e = rest.find(['.', '[']).unwrap_or(rest.len());
            if e == 0 {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let n = vm.new_str(&rest[..e])?;
            v = abs::getattr(vm, v, n)?;
            rest = &rest[e..];
        } else {
            let Some(e) = rest.find(']') else {
                return Err(vm.value_error("Missing ']' in format string"));
            };
            if e == 0 {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let key = match parse_usize(&rest[..e]) {
                Some(k) => int::new_i64(vm, k as i64)?,
                None => vm.new_str(&rest[..e])?,
            };
            v = abs::getitem(vm, v, key)?;
            rest = &rest[e + 1..];
            if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        }
    }
    Ok(v)
}

// ------------------------------------------------------------ %-formatting

/// `fmt % args` for str (`bytes == false`) or for bytes (`fmt` is then the
/// latin-1 decoding of the bytes, and so is the result).
pub fn percent_format(vm: &Vm, fmt: &str, args: Obj, bytes: bool) -> PyResult<String> {
    use crate::text::{ConvKind, Piece, Width};
    // CPython's bookkeeping: a non-tuple argument is one value (argidx
    // -2 < arglen -1), and so is the value of each `%(key)` lookup.
    let single = !tuple::is_tuple(args);
    let is_map = single
        && args.ty().slots.getitem.is_some()
        && !is_str(args)
        && !(bytes && super::bytes::buffer_of(args).is_some());
    let mapping = if is_map { Some(args) } else { None };
    let mut arglen: isize = if single {
        -1
    } else {
        tuple::tuple_items(args).len() as isize
    };
    let mut argidx: isize = if single { -2 } else { 0 };
    let mut cur = args;
    let mut out = String::with_capacity(fmt.len() + 16);
    let next_arg = |argidx: &mut isize, arglen: isize, cur: Obj| -> PyResult<Obj> {
        if *argidx < arglen {
            *argidx += 1;
            if arglen < 0 {
                return Ok(cur);
            }
            if let Some(v) = tuple::tuple_items(cur).get(*argidx as usize - 1) {
                return Ok(*v);
            }
        }
        Err(vm.type_error("not enough arguments for format string"))
    };
    for piece in crate::text::PercentParser::new(fmt) {
        let mut conv = match piece.map_err(|e| text_err(vm, e))? {
            Piece::Literal(s) => {
                out.push_str(s);
                continue;
            }
            Piece::Conv(c) => c,
        };
        if conv.width == Width::Star {
            let w = next_arg(&mut argidx, arglen, cur)?;
            if !int::is_int(w) {
                return Err(vm.type_error("* wants int"));
            }
            conv.set_star_width(ssize_arg(vm, w)?);
        }
        if conv.precision == Width::Star {
            let p = next_arg(&mut argidx, arglen, cur)?;
            if !int::is_int(p) {
                return Err(vm.type_error("* wants int"));
            }
            conv.set_star_precision(ssize_arg(vm, p)?);
        }
        let v = match conv.key {
            Some(k) => {
                let Some(m) = mapping else {
                    return Err(vm.type_error("format requires a mapping"));
                };
                let key = if bytes {
                    super::bytes::new(vm, &super::bytes::unl1(k))?
                } else {
                    vm.new_str(k)?
                };
                cur = abs::getitem(vm, m, key)?;
                arglen = -1;
                argidx = -2;
                next_arg(&mut argidx, arglen, cur)?
            }
            None => next_arg(&mut argidx, arglen, cur)?,
        };
        // Plain `%s` of a str and `%d` of a small int: no intermediate text.
        if !bytes
            && conv.width == Width::None
            && conv.precision == Width::None
            && conv.flags == crate::text::Flags::default()
        {
            match conv.ty {
                's' if is_exact(v) => {
                    out.push_str(as_str(v).unwrap_or(""));
                    continue;
                }
                'd' | 'i' | 'u' if v.is_small() => {
                    if let Some(x) = v.as_small() {
                        out.push_str(crate::text::decimal(x as i64, &mut [0; 20]));
                        continue;
                    }
                }
                _ => {}
            }
        }
        let piece = match conv.kind() {
            ConvKind::Str if bytes => {
                let data = bytes_arg_for_s(vm, v)?;
                crate::text::percent_str(
                    &conv,
                    &data.iter().map(|&x| x as char).collect::<String>(),
                )
            }
            ConvKind::Str => crate::text::percent_str(&conv, &abs::str_string(vm, v)?),
            ConvKind::Repr if !bytes => crate::text::percent_str(&conv, &abs::repr_string(vm, v)?),
            ConvKind::Repr | ConvKind::Ascii => crate::text::percent_str(&conv, &ascii_of(vm, v)?),
            ConvKind::Int { radix } => {
                let n = percent_int_arg(vm, v, conv.ty)?;
                let digits = n.abs().to_str_radix(radix, false);
                crate::text::percent_int(&conv, n.is_negative(), &digits)
            }
            ConvKind::Float => {
                let x = match super::float::to_f64(vm, v)? {
                    Some(x) => x,
                    None if v.ty().slots.float.is_some() => {
                        let f = (v.ty().slots.float.unwrap_or(|_, o| Ok(o)))(vm, v)?;
                        super::float::as_f64_exact(f).unwrap_or(0.0)
                    }
                    None => {
                        return Err(vm.type_error(&alloc::format!(
                            "must be real number, not {}",
                            v.ty().name()
                        )))
                    }
                };
                crate::text::percent_float(&conv, x)
            }
            ConvKind::Char if bytes => {
                let c = if let Some(b) = super::bytes::buffer_of(v).filter(|b| b.len() == 1) {
                    b[0] as u32
                } else if int::is_int(v) {
                    match int::to_i64(v) {
                        Some(x) if (0..256).contains(&x) => x as u32,
                        _ => return Err(vm.overflow_error("%c arg not in range(256)")),
                    }
                } else {
                    return Err(
                        vm.type_error("%c requires an integer in range(256) or a single byte")
                    );
                };
                crate::text::percent_char(&conv, c)
            }
            ConvKind::Char => {
                let c = if let Some(s) = as_str(v).filter(|_| char_len(v) == 1) {
                    s.chars().next().map_or(0, |c| c as u32)
                } else if int::is_int(v) {
                    match int::to_i64(v) {
                        Some(x) if (0..0x110000).contains(&x) => x as u32,
                        _ => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
                    }
                } else {
                    return Err(vm.type_error("%c requires int or char"));
                };
                crate::text::percent_char(&conv, c)
            }
            ConvKind::Unsupported if bytes && conv.ty == 'b' => {
                let data = bytes_arg_for_s(vm, v)?;
                crate::text::percent_str(
                    &conv,
                    &data.iter().map(|&x| x as char).collect::<String>(),
                )
            }
            _ => Err(conv.unsupported_error()),
        };
        out.push_str(&piece.map_err(|e| text_err(vm, e))?);
    }
    if argidx < arglen && mapping.is_none() {
        return Err(vm.type_error(if bytes {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

fn bytes_arg_for_s(vm: &Vm, v: Obj) -> PyResult<Vec<u8>> {
    if let Some(b) = super::bytes::buffer_of(v) {
        return Ok(b.to_vec());
    }
    if let Some(r) = abs::call_dunder(vm, v, "__bytes__", &[])? {
        if let Some(b) = super::bytes::as_bytes(r) {
            return Ok(b.to_vec());
        }
    }
    Err(vm.type_error(&alloc::format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        v.ty().name()
    )))
}

fn percent_int_arg(vm: &Vm, v: Obj, ty: char) -> PyResult<crate::bigint::BigInt> {
    use crate::bigint::BigInt;
    if let Some(b) = int::to_bigint(v) {
        return Ok(b);
    }
    if matches!(ty, 'o' | 'x' | 'X') {
        if v.ty().slots.index.is_none() {
            return Err(vm.type_error(&alloc::format!(
                "%{} format: an integer is required, not {}",
                ty,
                v.ty().name()
            )));
        }
        let i = abs::index(vm, v)?;
        return Ok(int::to_bigint(i).unwrap_or(BigInt::zero()));
    }
    if let Some(f) = super::float::as_f64_exact(v) {
        if f.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        return BigInt::from_f64(f)
            .ok_or_else(|| vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = v.ty();
    let r = if t.slots.index.is_some() {
        abs::index(vm, v)?
    } else if let Some(f) = t.slots.int {
        f(vm, v)?
    } else if let Some(f) = t.slots.float {
        let x = f(vm, v)?;
        return percent_int_arg(vm, x, ty);
    } else {
        return Err(vm.type_error(&alloc::format!(
            "%{} format: a real number is required, not {}",
            ty,
            t.name()
        )));
    };
    Ok(int::to_bigint(r).unwrap_or(BigInt::zero()))
}
