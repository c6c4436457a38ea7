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

/// A new str with the given text.
pub fn new(vm: &Vm, s: &str) -> PyResult<Obj> {
    new_typed(vm, &STR_TYPE, s)
}

/// A new str of type `t` (str or a subclass).
pub fn new_typed(vm: &Vm, t: &'static TypeObj, s: &str) -> PyResult<Obj> {
    let extra = if t.dictoffset == usize::MAX { core::mem::size_of::<usize>() } else { 0 };
    let size = core::mem::size_of::<StrObj>() + s.len() + 1 + extra;
    let chars = if s.is_ascii() { s.len() } else { s.chars().count() };
    let o = vm.alloc_obj_sized(
        StrObj { head: ObjHead { refcnt: Cell::new(0), ty: t }, hash: Cell::new(-1), len: s.len(), chars, data: [] },
        size,
    )?;
    // SAFETY: the allocation has room for s.len() + 1 bytes after the header
    // (zeroed, so the text is NUL-terminated for C).
    unsafe {
        let p = (o.as_ptr() as *mut StrObj).add(1) as *mut u8;
        core::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
    }
    Ok(o)
}

/// The text of a str (or str subclass) object.
#[inline]
pub fn as_str(o: Obj) -> Option<&'static str> {
    let s = o.downcast::<StrObj>()?;
    // SAFETY: str objects hold `len` bytes of valid UTF-8 after the header.
    Some(unsafe {
        core::str::from_utf8_unchecked(core::slice::from_raw_parts((s as *const StrObj).add(1) as *const u8, s.len))
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
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let h = h as isize;
    if h == -1 {
        -2
    } else {
        h
    }
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

pub static STR_TYPE: TypeObj = TypeObj::builtin(
    "str",
    Layout::Str,
    Some(&super::typeobj::OBJECT_TYPE),
    super::strmethods::STR_SLOTS,
    &super::strmethods::STR_ATTRS,
    core::mem::size_of::<StrObj>(),
    super::tpflags::BASETYPE,
);
