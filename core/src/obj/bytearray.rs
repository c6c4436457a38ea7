//! `bytearray`: a mutable byte buffer in a separate (no-scan) heap block.
//! The block only grows; a replaced block is left to the collector, so a
//! slice of the old data held up the native stack stays valid.
#![allow(unsafe_code)]

use super::bytes::{
    byte_value, bytes_cmp, bytes_contains, bytes_from_iterable, bytes_getitem, bytes_iter,
    bytes_len, bytes_num, bytes_repr, construct,
};
use super::str::{is_index, item_index, slice_indices};
use super::strmethods::rest;
use super::{none, Args, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj};
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::vec::Vec;
use core::cell::Cell;

#[repr(C)]
pub struct ByteArrayObj {
    pub head: ObjHead,
    pub len: Cell<usize>,
    pub cap: Cell<usize>,
    pub data: Cell<*mut u8>,
    /// Buffers exported (memoryviews, `PyObject_GetBuffer`): while any is
    /// live the contents cannot move, so the size cannot change.
    pub exports: Cell<usize>,
    /// The storage of an `array.array` (for the BufferError message).
    pub array: Cell<bool>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for ByteArrayObj {
    const LAYOUT: Layout = Layout::ByteArray;
}

fn ba(o: Obj) -> Option<&'static ByteArrayObj> {
    o.downcast::<ByteArrayObj>()
}

pub fn new(vm: &Vm, b: &[u8]) -> PyResult<Obj> {
    new_typed(vm, &BYTEARRAY_TYPE, b)
}

pub fn new_typed(vm: &Vm, t: &'static TypeObj, b: &[u8]) -> PyResult<Obj> {
    let o = vm.alloc_obj_sized(
        ByteArrayObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            len: Cell::new(0),
            cap: Cell::new(0),
            data: Cell::new(core::ptr::null_mut()),
            exports: Cell::new(0),
            array: Cell::new(false),
        },
        t.basicsize,
    )?;
    splice(vm, o, 0, 0, b)?;
    Ok(o)
}

/// The current contents (invalidated by resizing: do not hold across
/// calls into Python code).
pub fn data(o: Obj) -> &'static [u8] {
    match ba(o) {
        Some(b) if b.len.get() > 0 => {
            // SAFETY: `len` initialised bytes live at `data`.
            unsafe { core::slice::from_raw_parts(b.data.get(), b.len.get()) }
        }
        _ => &[],
    }
}

pub(crate) fn data_mut(o: Obj) -> &'static mut [u8] {
    match ba(o) {
        Some(b) if b.len.get() > 0 => {
            // SAFETY: as `data`; single-threaded, and callers hold no other
            // reference to the contents while writing.
            unsafe { core::slice::from_raw_parts_mut(b.data.get(), b.len.get()) }
        }
        _ => &mut [],
    }
}

fn reserve(vm: &Vm, o: Obj, need: usize) -> PyResult<()> {
    let Some(b) = ba(o) else { return Ok(()) };
    if need <= b.cap.get() {
        return Ok(());
    }
    let cap = need.max(b.cap.get() + b.cap.get() / 2 + 8);
    let p = vm.alloc_raw(cap, crate::gc::kind::NOSCAN)?;
    let b = ba(o).ok_or_else(|| vm.memory_error())?;
    if b.len.get() > 0 {
        // SAFETY: both blocks are live and distinct; `len <= cap`.
        unsafe { core::ptr::copy_nonoverlapping(b.data.get(), p, b.len.get()) };
    }
    b.data.set(p);
    b.cap.set(crate::gc::size_of(p).max(cap));
    Ok(())
}

/// Replace bytes `start..end` (clamped) with `repl` (which must not be
/// this bytearray's own buffer).
pub fn splice(vm: &Vm, o: Obj, start: usize, end: usize, repl: &[u8]) -> PyResult<()> {
    let Some(b) = ba(o) else { return Ok(()) };
    let n = b.len.get();
    let start = start.min(n);
    let end = end.clamp(start, n);
    let newlen = (n - (end - start))
        .checked_add(repl.len())
        .ok_or_else(|| vm.memory_error())?;
    if newlen != n && b.exports.get() > 0 {
        check_resizable(vm, o)?;
    }
    reserve(vm, o, newlen)?;
    let Some(b) = ba(o) else { return Ok(()) };
    let p = b.data.get();
    if p.is_null() {
        return Ok(());
    }
    // SAFETY: capacity >= newlen; the tail move stays inside the block and
    // `repl` is another allocation.
    unsafe {
        core::ptr::copy(p.add(end), p.add(start + repl.len()), n - end);
        core::ptr::copy_nonoverlapping(repl.as_ptr(), p.add(start), repl.len());
    }
    b.len.set(newlen);
    Ok(())
}

/// BufferError unless no buffer of `o` is exported. Views that are no
/// longer reachable still count until the collector finalises them, so a
/// collection runs first.
pub fn check_resizable(vm: &Vm, o: Obj) -> PyResult<()> {
    let Some(b) = ba(o) else { return Ok(()) };
    if b.exports.get() > 0 {
        vm.collect();
    }
    if b.exports.get() > 0 {
        return Err(vm.new_error(
            &super::exc::BUFFER_ERROR,
            if b.array.get() {
                "cannot resize an array that is exporting buffers"
            } else {
                "Existing exports of data: object cannot be re-sized"
            },
        ));
    }
    Ok(())
}

/// Mark `o` as the storage of an `array.array`.
pub fn set_array_storage(o: Obj) {
    if let Some(b) = ba(o) {
        b.array.set(true);
    }
}

/// Count one more (`delta` 1) or one fewer (-1) exported buffer.
pub fn add_export(o: Obj, delta: isize) {
    if let Some(b) = ba(o) {
        let n = b.exports.get() as isize + delta;
        b.exports.set(n.max(0) as usize);
    }
}

/// Replace the whole contents.
pub fn set_all(vm: &Vm, o: Obj, d: &[u8]) -> PyResult<()> {
    splice(vm, o, 0, usize::MAX, d)
}

fn ba_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    let d = construct(vm, "bytearray", args)?;
    new_typed(vm, t, &d)
}

fn ba_setitem(vm: &Vm, o: Obj, k: Obj, v: Option<Obj>) -> PyResult<()> {
    if let Some(sl) = k.downcast::<super::slice::SliceObj>() {
        let repl = match v {
            Some(v) if super::str::is_str(v) || is_index(v) => {
                return Err(vm.type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ))
            }
            Some(v) => bytes_from_iterable(vm, v, "byte must be in range(0, 256)")?,
            None => Vec::new(),
        };
        let (start, stop, step, n) = slice_indices(vm, sl, data(o).len())?;
        if step == 1 {
            let stop = stop.max(start);
            return splice(vm, o, start as usize, stop as usize, &repl);
        }
        let idx = |i: usize| (start + i as isize * step) as usize;
        if v.is_none() {
            let mut keep = Vec::with_capacity(data(o).len());
            let mut del = alloc::vec![false; data(o).len()];
            for i in 0..n {
                if let Some(d) = del.get_mut(idx(i)) {
                    *d = true;
                }
            }
            for (i, c) in data(o).iter().enumerate() {
                if !del[i] {
                    keep.push(*c);
                }
            }
            return set_all(vm, o, &keep);
        }
        if repl.len() != n {
            return Err(vm.value_error(&format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                repl.len(),
                n
            )));
        }
        let d = data_mut(o);
        for (i, c) in repl.iter().enumerate() {
            if let Some(x) = d.get_mut(idx(i)) {
                *x = *c;
            }
        }
        return Ok(());
    }
    if !is_index(k) {
        return Err(vm.type_error(&format!(
            "bytearray indices must be integers or slices, not {}",
            k.ty().name()
        )));
    }
    let val = match v {
        Some(v) => Some(byte_value(vm, v)?),
        None => None,
    };
    let i = item_index(vm, k, data(o).len(), "bytearray index out of range")?;
    match val {
        Some(x) => {
            if let Some(c) = data_mut(o).get_mut(i) {
                *c = x;
            }
            Ok(())
        }
        None => splice(vm, o, i, i + 1, &[]),
    }
}

fn this<'a>(
    vm: &Vm,
    a: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(Obj, &'a [Obj])> {
    let o = match a.pos.first() {
        Some(o) if ba(*o).is_some() => *o,
        Some(o) => {
            return Err(vm.type_error(&format!(
                "descriptor '{}' requires a 'bytearray' object but received a '{}'",
                name,
                o.ty().name()
            )))
        }
        None => return Err(vm.type_error(&format!("descriptor '{}' needs an argument", name))),
    };
    rest(a).check_method(vm, "bytearray", name, min, max)?;
    Ok((o, a.pos.get(1..).unwrap_or(&[])))
}

pub(crate) fn m_append(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "append", 1, 1)?;
    let x = byte_value(vm, r[0])?;
    splice(vm, o, usize::MAX, usize::MAX, &[x])?;
    Ok(none())
}
pub(crate) fn m_extend(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "extend", 1, 1)?;
    if crate::vm::abs::iter(vm, r[0]).is_err() {
        vm.take_exc();
        return Err(vm.type_error(&format!("can't extend bytearray with {}", r[0].ty().name())));
    }
    let d = bytes_from_iterable(vm, r[0], "byte must be in range(0, 256)")?;
    splice(vm, o, usize::MAX, usize::MAX, &d)?;
    Ok(none())
}
pub(crate) fn m_insert(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "insert", 2, 2)?;
    let i = super::str::ssize_arg(vm, r[0])?;
    let x = byte_value(vm, r[1])?;
    let n = data(o).len() as isize;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    splice(vm, o, i as usize, i as usize, &[x])?;
    Ok(none())
}
pub(crate) fn m_pop(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "pop", 0, 1)?;
    let n = data(o).len();
    if n == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = match r.first() {
        Some(k) => {
            let i = super::str::ssize_arg(vm, *k)?;
            let j = if i < 0 { i + n as isize } else { i };
            if j < 0 || j >= n as isize {
                return Err(vm.index_error("pop index out of range"));
            }
            j as usize
        }
        None => n - 1,
    };
    let v = data(o)[i];
    splice(vm, o, i, i + 1, &[])?;
    Ok(Obj::small(v as isize))
}
pub(crate) fn m_remove(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "remove", 1, 1)?;
    let x = byte_value(vm, r[0])?;
    match data(o).iter().position(|c| *c == x) {
        Some(i) => splice(vm, o, i, i + 1, &[])?,
        None => return Err(vm.value_error("value not found in bytearray")),
    }
    Ok(none())
}
pub(crate) fn m_reverse(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, _) = this(vm, a, "reverse", 0, 0)?;
    data_mut(o).reverse();
    Ok(none())
}
pub(crate) fn m_clear(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, _) = this(vm, a, "clear", 0, 0)?;
    splice(vm, o, 0, usize::MAX, &[])?;
    Ok(none())
}
pub(crate) fn m_copy(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, _) = this(vm, a, "copy", 0, 0)?;
    let d = data(o).to_vec();
    new(vm, &d)
}
pub(crate) fn m_iadd(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "__iadd__", 1, 1)?;
    bytes_num(vm, super::BinOp::Add, o, r[0], true)
}
pub(crate) fn m_imul(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "__imul__", 1, 1)?;
    bytes_num(vm, super::BinOp::Mul, o, r[0], true)
}
pub(crate) fn m_alloc(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, _) = this(vm, a, "__alloc__", 0, 0)?;
    Ok(Obj::small(ba(o).map_or(0, |b| b.cap.get() + 1) as isize))
}
pub(crate) fn m_setitem(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "__setitem__", 2, 2)?;
    ba_setitem(vm, o, r[0], Some(r[1]))?;
    Ok(none())
}
pub(crate) fn m_delitem(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, r) = this(vm, a, "__delitem__", 1, 1)?;
    ba_setitem(vm, o, r[0], None)?;
    Ok(none())
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static BYTEARRAY_TYPE: TypeObj = TypeObj::builtin(
    "bytearray",
    Layout::ByteArray,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(bytes_repr),
        richcmp: Some(bytes_cmp),
        len: Some(bytes_len),
        contains: Some(bytes_contains),
        num: Some(bytes_num),
        getitem: Some(bytes_getitem),
        setitem: Some(ba_setitem),
        iter: Some(bytes_iter),
        new: Some(ba_new),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &super::bytes::BYTE_ATTRS,
    core::mem::size_of::<ByteArrayObj>(),
    super::tpflags::BASETYPE,
);
