//! `memoryview` (basic): a view of part of a bytes or bytearray object, as
//! unsigned bytes (format 'B'). The view reads its base's current data on
//! every access, so it stays memory-safe if a bytearray is resized.

use super::attr::AttrEntry;
use super::bytearray::data_mut;
use super::bytes::buffer_of;
use super::str::{is_index, item_index, slice_indices};
use super::strmethods::rest;
use super::{
    none, not_implemented, py_bool, tuple, Args, CmpOp, Layout, Obj, ObjHead, PyPayload, Slots,
    TypeObj,
};
use crate::vm::{PyResult, Vm};
use crate::{getset, method};
use alloc::format;
use alloc::vec::Vec;
use core::cell::Cell;

#[repr(C)]
pub struct MemoryViewObj {
    pub head: ObjHead,
    /// The bytes or bytearray viewed.
    pub base: Obj,
    pub start: usize,
    pub step: isize,
    pub len: usize,
    pub readonly: bool,
    pub released: Cell<bool>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for MemoryViewObj {
    const LAYOUT: Layout = Layout::MemoryView;
}

fn mv(o: Obj) -> Option<&'static MemoryViewObj> {
    o.downcast::<MemoryViewObj>()
}

/// The viewed bytes when the view is contiguous and not released.
pub fn contiguous(o: Obj) -> Option<&'static [u8]> {
    let m = mv(o)?;
    if m.released.get() || (m.step != 1 && m.len > 1) {
        return None;
    }
    buffer_of(m.base)?.get(m.start..m.start + m.len)
}

/// Position of item `i` in the base.
fn pos(m: &MemoryViewObj, i: usize) -> usize {
    (m.start as isize + i as isize * m.step) as usize
}

fn live(vm: &Vm, o: Obj) -> PyResult<&'static MemoryViewObj> {
    match mv(o) {
        Some(m) if !m.released.get() => Ok(m),
        Some(_) => Err(vm.value_error("operation forbidden on released memoryview object")),
        None => Err(vm.type_error("descriptor requires a 'memoryview' object")),
    }
}

/// A copy of the viewed bytes.
fn gather(vm: &Vm, o: Obj) -> PyResult<Vec<u8>> {
    let m = live(vm, o)?;
    let d = buffer_of(m.base).unwrap_or(&[]);
    Ok((0..m.len)
        .map(|i| d.get(pos(m, i)).copied().unwrap_or(0))
        .collect())
}

fn alloc_view(
    vm: &Vm,
    t: &'static TypeObj,
    base: Obj,
    start: usize,
    step: isize,
    len: usize,
    ro: bool,
) -> PyResult<Obj> {
    vm.alloc_obj_sized(
        MemoryViewObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            base,
            start,
            step,
            len,
            readonly: ro,
            released: Cell::new(false),
        },
        t.basicsize.max(core::mem::size_of::<MemoryViewObj>()),
    )
}

/// `memoryview(o)`.
pub fn new(vm: &Vm, o: Obj) -> PyResult<Obj> {
    if mv(o).is_some() {
        let m = live(vm, o)?;
        return alloc_view(
            vm,
            &MEMORYVIEW_TYPE,
            m.base,
            m.start,
            m.step,
            m.len,
            m.readonly,
        );
    }
    let ro = match o.layout() {
        Layout::Bytes => true,
        Layout::ByteArray => false,
        _ => {
            return Err(vm.type_error(&format!(
                "memoryview: a bytes-like object is required, not '{}'",
                o.ty().name()
            )))
        }
    };
    let n = buffer_of(o).map_or(0, |b| b.len());
    alloc_view(vm, &MEMORYVIEW_TYPE, o, 0, 1, n, ro)
}

fn mv_new(vm: &Vm, _t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    let [o] = args.bind(vm, "memoryview", ["object"], 1)?;
    new(vm, o.unwrap_or(none()))
}

fn mv_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let rel = mv(o).is_some_and(|m| m.released.get());
    vm.new_string(format!(
        "<{}memory at {:#x}>",
        if rel { "released " } else { "" },
        o.raw()
    ))
}

fn mv_len(vm: &Vm, o: Obj) -> PyResult<usize> {
    Ok(live(vm, o)?.len)
}

fn mv_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    let m = live(vm, o)?;
    if let Some(sl) = k.downcast::<super::slice::SliceObj>() {
        let (start, _, step, n) = slice_indices(vm, sl, m.len)?;
        let s = if n == 0 {
            m.start
        } else {
            pos(m, start as usize)
        };
        return alloc_view(
            vm,
            &MEMORYVIEW_TYPE,
            m.base,
            s,
            m.step * step,
            n,
            m.readonly,
        );
    }
    if !is_index(k) {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    let i = item_index(vm, k, m.len, "index out of bounds on dimension 1")?;
    let d = buffer_of(m.base).unwrap_or(&[]);
    Ok(Obj::small(d.get(pos(m, i)).copied().unwrap_or(0) as isize))
}

fn mv_setitem(vm: &Vm, o: Obj, k: Obj, v: Option<Obj>) -> PyResult<()> {
    let m = live(vm, o)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let Some(v) = v else {
        return Err(vm.type_error("cannot delete memory"));
    };
    if let Some(sl) = k.downcast::<super::slice::SliceObj>() {
        let (start, _, step, n) = slice_indices(vm, sl, m.len)?;
        let src = buffer_of(v)
            .ok_or_else(|| {
                vm.type_error(&format!(
                    "a bytes-like object is required, not '{}'",
                    v.ty().name()
                ))
            })?
            .to_vec();
        if src.len() != n {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let d = data_mut(m.base);
        for (i, c) in src.iter().enumerate() {
            if let Some(x) = d.get_mut(pos(m, (start + i as isize * step) as usize)) {
                *x = *c;
            }
        }
        return Ok(());
    }
    if !is_index(k) {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    if !super::int::is_int(v) {
        return Err(vm.type_error("memoryview: invalid type for format 'B'"));
    }
    let x = match super::int::to_i64(v) {
        Some(x) if (0..256).contains(&x) => x as u8,
        _ => return Err(vm.value_error("memoryview: invalid value for format 'B'")),
    };
    let i = item_index(vm, k, m.len, "index out of bounds on dimension 1")?;
    if let Some(c) = data_mut(m.base).get_mut(pos(m, i)) {
        *c = x;
    }
    Ok(())
}

fn mv_cmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(not_implemented());
    }
    if a.is(b) {
        return Ok(py_bool(op == CmpOp::Eq));
    }
    let view = |o: Obj| -> PyResult<Option<Vec<u8>>> {
        match o.layout() {
            Layout::MemoryView => match mv(o) {
                Some(m) if m.released.get() => Ok(None),
                _ => gather(vm, o).map(Some),
            },
            Layout::Bytes | Layout::ByteArray => Ok(buffer_of(o).map(|d| d.to_vec())),
            _ => Ok(None),
        }
    };
    if !matches!(
        b.layout(),
        Layout::MemoryView | Layout::Bytes | Layout::ByteArray
    ) {
        return Ok(not_implemented());
    }
    let eq = match (view(a)?, view(b)?) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    };
    Ok(py_bool(eq == (op == CmpOp::Eq)))
}

fn mv_hash(vm: &Vm, o: Obj) -> PyResult<isize> {
    let m = live(vm, o)?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    Ok(super::str::hash_bytes(&gather(vm, o)?))
}

fn this(vm: &Vm, a: &Args, name: &str) -> PyResult<Obj> {
    rest(a).check(vm, name, 0, 0)?;
    let o = a.pos.first().copied().unwrap_or(none());
    live(vm, o)?;
    Ok(o)
}
fn m_tobytes(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = a.pos.first().copied().unwrap_or(none());
    let [_order] = rest(a).bind(vm, "tobytes", ["order"], 0)?;
    let d = gather(vm, o)?;
    super::bytes::new(vm, &d)
}
fn m_tolist(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = this(vm, a, "tolist")?;
    let items: Vec<Obj> = gather(vm, o)?
        .iter()
        .map(|b| Obj::small(*b as isize))
        .collect();
    super::list::new(vm, &items)
}
fn m_hex(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = a.pos.first().copied().unwrap_or(none());
    let b = super::bytes::new(vm, &gather(vm, o)?)?;
    let mut pos: Vec<Obj> = a.pos.to_vec();
    pos[0] = b;
    let f = crate::vm::abs::getattr_str(vm, b, "hex")?;
    crate::vm::call::call_args(
        vm,
        f,
        &Args {
            pos: &pos[1..],
            kw: a.kw,
            kwnames: a.kwnames,
        },
    )
}
fn m_release(vm: &Vm, a: &Args) -> PyResult<Obj> {
    rest(a).check(vm, "release", 0, 0)?;
    if let Some(m) = a.pos.first().and_then(|o| mv(*o)) {
        m.released.set(true);
    }
    Ok(none())
}
fn m_toreadonly(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = this(vm, a, "toreadonly")?;
    let m = live(vm, o)?;
    alloc_view(vm, &MEMORYVIEW_TYPE, m.base, m.start, m.step, m.len, true)
}
fn m_enter(vm: &Vm, a: &Args) -> PyResult<Obj> {
    this(vm, a, "__enter__")
}
fn m_exit(vm: &Vm, a: &Args) -> PyResult<Obj> {
    m_release(vm, &Args::new(a.pos.get(..1).unwrap_or(&[])))
}

fn g_obj(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(live(vm, o)?.base)
}
fn g_readonly(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(py_bool(live(vm, o)?.readonly))
}
fn g_nbytes(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(live(vm, o)?.len as isize))
}
fn g_format(vm: &Vm, o: Obj) -> PyResult<Obj> {
    live(vm, o)?;
    vm.new_str("B")
}
fn g_itemsize(vm: &Vm, o: Obj) -> PyResult<Obj> {
    live(vm, o)?;
    Ok(Obj::small(1))
}
fn g_ndim(vm: &Vm, o: Obj) -> PyResult<Obj> {
    live(vm, o)?;
    Ok(Obj::small(1))
}
fn g_shape(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let n = live(vm, o)?.len;
    tuple::new(vm, &[Obj::small(n as isize)])
}
fn g_strides(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let s = live(vm, o)?.step;
    tuple::new(vm, &[Obj::small(s)])
}
static MV_ATTRS: [AttrEntry; 15] = [
    method!("tobytes", m_tobytes),
    method!("tolist", m_tolist),
    method!("hex", m_hex),
    method!("release", m_release),
    method!("toreadonly", m_toreadonly),
    method!("__enter__", m_enter),
    method!("__exit__", m_exit),
    getset!("obj", g_obj),
    getset!("readonly", g_readonly),
    getset!("nbytes", g_nbytes),
    getset!("format", g_format),
    getset!("itemsize", g_itemsize),
    getset!("ndim", g_ndim),
    getset!("shape", g_shape),
    getset!("strides", g_strides),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static MEMORYVIEW_TYPE: TypeObj = TypeObj::builtin(
    "memoryview",
    Layout::MemoryView,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(mv_repr),
        hash: Some(mv_hash),
        richcmp: Some(mv_cmp),
        len: Some(mv_len),
        getitem: Some(mv_getitem),
        setitem: Some(mv_setitem),
        new: Some(mv_new),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &MV_ATTRS,
    core::mem::size_of::<MemoryViewObj>(),
    0,
);
