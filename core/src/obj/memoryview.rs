//! `memoryview`: a typed, possibly multi-dimensional view of another
//! object's buffer (the buffer protocol).
//!
//! A view reads one of two kinds of memory:
//! - the live contents of a `bytes` or `bytearray` (`src`), looked up on
//!   every access and bounds-checked, so a view never reads freed memory;
//!   `array.array` stores its items in such a bytearray;
//! - raw memory exported by a C type's `bf_getbuffer` (or given to
//!   `PyMemoryView_FromMemory`), at a fixed address (`raw`, `rawlen`).
//!
//! Items are addressed as in CPython: byte `offset` of item (0, ..., 0),
//! plus `index * stride` per dimension. A view of a bytearray counts as an
//! export of it (the bytearray cannot be resized while the view is
//! live); `release()`, the `with` block's end or the collector's finaliser
//! gives the export back. A view of a C export releases the C buffer
//! (`bf_releasebuffer`) the same way.
//!
//! The same object serves the C API: `PyObject_GetBuffer` on a core
//! object makes such a view (hidden from Python) and points the
//! `Py_buffer` at its memory, shape and strides.
#![allow(unsafe_code)]

use super::attr::AttrEntry;
use super::bytearray::{self, data_mut};
use super::bytes::{self, buffer_of};
use super::str::{is_index, slice_indices};
use super::strmethods::rest;
use super::{
    exc, float, int, list, none, not_implemented, py_bool, tuple, Args, CmpOp, Layout, Obj,
    ObjHead, PyPayload, Slots, TypeObj,
};
use crate::vm::{abs, PyResult, Vm};
use crate::{getset, method};
use alloc::format;
use alloc::vec::Vec;
use core::cell::Cell;

/// Dimensions a view may have (as Cython's memoryview slices).
pub const MAX_NDIM: usize = 8;

/// What a C type's `bf_getbuffer` exported (see `CExtensions::get_buffer`).
#[derive(Clone, Copy)]
pub struct ExtBuffer {
    pub addr: usize,
    pub len: usize,
    pub readonly: bool,
    pub itemsize: usize,
    /// NUL-terminated format (C memory, alive while exported); 0: "B".
    pub format: usize,
    pub ndim: usize,
    pub shape: [isize; MAX_NDIM],
    pub strides: [isize; MAX_NDIM],
    /// Given back to `CExtensions::release_buffer`.
    pub handle: usize,
}

#[repr(C)]
pub struct MemoryViewObj {
    pub head: ObjHead,
    /// The exporting object (`.obj`).
    pub base: Obj,
    /// The bytes or bytearray whose contents are viewed; None: raw memory.
    pub src: Option<Obj>,
    pub raw: usize,
    pub rawlen: usize,
    /// Handle of the C export this view releases (0: none).
    pub ext: Cell<usize>,
    /// The root view whose (C) export this view shares (a view of a view
    /// of raw memory).
    pub parent: Option<Obj>,
    /// The view this one was exported from for C (`PyObject_GetBuffer`).
    pub from: Cell<Option<Obj>>,
    /// Byte offset of the first item in the memory.
    pub offset: isize,
    pub itemsize: usize,
    /// NUL-terminated format: a static string or C memory.
    pub fmt: usize,
    pub fmtlen: usize,
    pub ndim: usize,
    pub shape: [isize; MAX_NDIM],
    pub strides: [isize; MAX_NDIM],
    pub readonly: bool,
    pub released: Cell<bool>,
    /// Buffers exported from this view to C.
    pub exports: Cell<usize>,
    /// Live views sharing this root view's memory.
    pub views: Cell<usize>,
    /// This view holds an export count of `src` (a bytearray).
    pub counted: Cell<bool>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for MemoryViewObj {
    const LAYOUT: Layout = Layout::MemoryView;
}

fn mv(o: Obj) -> Option<&'static MemoryViewObj> {
    o.downcast::<MemoryViewObj>()
}

/// The formats views understand, NUL-terminated, with their item sizes.
static FORMATS: [(&[u8], usize); 17] = [
    (b"B\0", 1),
    (b"b\0", 1),
    (b"c\0", 1),
    (b"?\0", 1),
    (b"h\0", 2),
    (b"H\0", 2),
    (b"i\0", 4),
    (b"I\0", 4),
    (b"l\0", core::mem::size_of::<usize>()),
    (b"L\0", core::mem::size_of::<usize>()),
    (b"q\0", 8),
    (b"Q\0", 8),
    (b"n\0", core::mem::size_of::<usize>()),
    (b"N\0", core::mem::size_of::<usize>()),
    (b"f\0", 4),
    (b"d\0", 8),
    (b"P\0", core::mem::size_of::<usize>()),
];

/// The same formats with the native-alignment prefix '@'.
static AT_FORMATS: [&[u8]; 17] = [
    b"@B\0", b"@b\0", b"@c\0", b"@?\0", b"@h\0", b"@H\0", b"@i\0", b"@I\0", b"@l\0", b"@L\0",
    b"@q\0", b"@Q\0", b"@n\0", b"@N\0", b"@f\0", b"@d\0", b"@P\0",
];

/// The static NUL-terminated format string and item size of `f`.
fn static_format(f: &str) -> Option<(&'static [u8], usize)> {
    let (g, at) = match f.strip_prefix('@') {
        Some(g) => (g, true),
        None => (f, false),
    };
    let i = FORMATS
        .iter()
        .position(|(s, _)| &s[..s.len() - 1] == g.as_bytes())?;
    let size = FORMATS[i].1;
    Some((if at { AT_FORMATS[i] } else { FORMATS[i].0 }, size))
}

impl MemoryViewObj {
    /// The format, without its NUL.
    pub fn format(&self) -> &'static [u8] {
        if self.fmt == 0 {
            return b"B";
        }
        // SAFETY: `fmt` points at `fmtlen` bytes of a static string or of
        // C memory kept by the export this view holds.
        unsafe { core::slice::from_raw_parts(self.fmt as *const u8, self.fmtlen) }
    }
    /// The NUL-terminated format (for C).
    pub fn format_ptr(&self) -> *const u8 {
        if self.fmt == 0 {
            c"B".as_ptr().cast()
        } else {
            self.fmt as *const u8
        }
    }
    /// The single native format character, if the format is one.
    fn code(&self) -> Option<u8> {
        match self.format() {
            [c] | [b'@', c] => Some(*c),
            _ => None,
        }
    }
    /// The memory viewed (may be shorter than expected if a source shrank).
    fn memory(&self) -> &'static [u8] {
        match self.src {
            Some(s) => buffer_of(s).unwrap_or(&[]),
            None if self.raw != 0 && self.rawlen > 0 => {
                // SAFETY: a C exporter promised `rawlen` bytes at `raw`
                // while its buffer is held, and this view holds it.
                unsafe { core::slice::from_raw_parts(self.raw as *const u8, self.rawlen) }
            }
            None => &[],
        }
    }
    fn memory_mut(&self) -> &'static mut [u8] {
        match self.src {
            Some(s) if s.layout() == Layout::ByteArray => data_mut(s),
            Some(_) => &mut [],
            None if self.raw != 0 && self.rawlen > 0 && !self.readonly => {
                // SAFETY: as `memory`; the exporter made it writable.
                unsafe { core::slice::from_raw_parts_mut(self.raw as *mut u8, self.rawlen) }
            }
            None => &mut [],
        }
    }
    /// Address of the first byte of the memory (for C).
    pub fn memory_addr(&self) -> usize {
        match self.src {
            Some(s) if s.layout() == Layout::ByteArray => {
                match s.downcast::<bytearray::ByteArrayObj>() {
                    Some(b) if !b.data.get().is_null() => b.data.get() as usize,
                    _ => EMPTY.as_ptr() as usize,
                }
            }
            Some(s) => buffer_of(s).map_or(EMPTY.as_ptr() as usize, |d| d.as_ptr() as usize),
            None if self.raw != 0 => self.raw,
            None => EMPTY.as_ptr() as usize,
        }
    }
    /// Number of items.
    pub fn count(&self) -> usize {
        self.shape[..self.ndim]
            .iter()
            .map(|&n| n.max(0) as usize)
            .product()
    }
    pub fn nbytes(&self) -> usize {
        self.count() * self.itemsize
    }
    /// Is the view C-contiguous (`order` b'C'), Fortran-contiguous (b'F')
    /// or either (b'A')?
    pub fn is_contiguous(&self, order: u8) -> bool {
        contiguous_strides(
            &self.shape[..self.ndim],
            &self.strides[..self.ndim],
            self.itemsize,
            order,
        )
    }
}

static EMPTY: [u8; 1] = [0];

/// Do `strides` describe contiguous memory for `shape` in `order`?
pub fn contiguous_strides(shape: &[isize], strides: &[isize], itemsize: usize, order: u8) -> bool {
    if shape.contains(&0) {
        return true;
    }
    let check = |rev: bool| {
        let mut want = itemsize as isize;
        let n = shape.len();
        for k in 0..n {
            let d = if rev { n - 1 - k } else { k };
            if shape[d] != 1 && strides[d] != want {
                return false;
            }
            want *= shape[d];
        }
        true
    };
    match order {
        b'C' => check(true),
        b'F' => check(false),
        _ => check(true) || check(false),
    }
}

/// The viewed bytes when the view is C-contiguous and not released.
pub fn contiguous(o: Obj) -> Option<&'static [u8]> {
    let m = mv(o)?;
    if m.released.get() || !m.is_contiguous(b'C') {
        return None;
    }
    let n = m.nbytes();
    if n == 0 {
        return Some(&[]);
    }
    let s = m.offset.max(0) as usize;
    m.memory().get(s..s + n)
}

fn live(vm: &Vm, o: Obj) -> PyResult<&'static MemoryViewObj> {
    match mv(o) {
        Some(m) if !m.released.get() => Ok(m),
        Some(_) => Err(vm.value_error("operation forbidden on released memoryview object")),
        None => Err(vm.type_error("descriptor requires a 'memoryview' object")),
    }
}

/// What a new view looks at (everything but the exporter and the counts).
#[derive(Clone, Copy)]
struct Shape {
    offset: isize,
    itemsize: usize,
    fmt: usize,
    fmtlen: usize,
    ndim: usize,
    shape: [isize; MAX_NDIM],
    strides: [isize; MAX_NDIM],
    readonly: bool,
}

impl Shape {
    fn of(m: &MemoryViewObj) -> Shape {
        Shape {
            offset: m.offset,
            itemsize: m.itemsize,
            fmt: m.fmt,
            fmtlen: m.fmtlen,
            ndim: m.ndim,
            shape: m.shape,
            strides: m.strides,
            readonly: m.readonly,
        }
    }
    /// One dimension of `len` items of format `f`.
    fn flat(len: usize, f: &str, readonly: bool) -> Shape {
        let (s, itemsize) = static_format(f).unwrap_or((b"B\0", 1));
        let mut shape = [0; MAX_NDIM];
        let mut strides = [0; MAX_NDIM];
        shape[0] = (len / itemsize) as isize;
        strides[0] = itemsize as isize;
        Shape {
            offset: 0,
            itemsize,
            fmt: s.as_ptr() as usize,
            fmtlen: s.len() - 1,
            ndim: 1,
            shape,
            strides,
            readonly,
        }
    }
}

/// Allocate a view. With `count` it takes an export of `src` (a
/// bytearray); a view of raw memory with a `parent` keeps the parent's
/// export alive; `ext` is a C export the view gives back when released.
#[allow(clippy::too_many_arguments)]
fn alloc_view(
    vm: &Vm,
    base: Obj,
    src: Option<Obj>,
    raw: (usize, usize),
    ext: usize,
    parent: Option<Obj>,
    s: Shape,
    count: bool,
) -> PyResult<Obj> {
    let t = &MEMORYVIEW_TYPE;
    let o = vm.alloc_obj_sized(
        MemoryViewObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            base,
            src,
            raw: raw.0,
            rawlen: raw.1,
            ext: Cell::new(ext),
            parent,
            from: Cell::new(None),
            offset: s.offset,
            itemsize: s.itemsize,
            fmt: s.fmt,
            fmtlen: s.fmtlen,
            ndim: s.ndim,
            shape: s.shape,
            strides: s.strides,
            readonly: s.readonly,
            released: Cell::new(false),
            exports: Cell::new(0),
            views: Cell::new(0),
            counted: Cell::new(false),
        },
        t.basicsize.max(core::mem::size_of::<MemoryViewObj>()),
    )?;
    let count = count && src.is_some_and(|s| s.layout() == Layout::ByteArray);
    if count {
        if let (Some(s), Some(m)) = (src, mv(o)) {
            bytearray::add_export(s, 1);
            m.counted.set(true);
        }
    }
    if let Some(pm) = parent.and_then(mv) {
        pm.views.set(pm.views.get() + 1);
    }
    if count || ext != 0 || parent.is_some() {
        crate::gc::set_finaliser(o.as_ptr() as *const u8);
    }
    Ok(o)
}

/// A new view of `m`'s memory with shape `s` (a slice, a cast, a copy).
/// A view of a bytearray reads its live contents and holds no export (only
/// the view made from the object does); a view of raw memory keeps its
/// root view's export alive.
fn derive(vm: &Vm, o: Obj, s: Shape) -> PyResult<Obj> {
    let m = live(vm, o)?;
    match m.src {
        Some(src) => alloc_view(vm, m.base, Some(src), (0, 0), 0, None, s, false),
        None => {
            let root = m.parent.unwrap_or(o);
            alloc_view(vm, m.base, None, (m.raw, m.rawlen), 0, Some(root), s, false)
        }
    }
}

/// A view for a C `Py_buffer` of `o` (PyObject_GetBuffer): it holds an
/// export of a bytearray's contents, and counts as an export of `o` when
/// `o` is a view (which then cannot be released).
pub fn export_view(vm: &Vm, o: Obj, flags: u32) -> PyResult<Obj> {
    if mv(o).is_none() {
        return new_flags(vm, o, flags);
    }
    let m = live(vm, o)?;
    let s = Shape::of(m);
    let v = match m.src {
        Some(src) => alloc_view(vm, m.base, Some(src), (0, 0), 0, None, s, true)?,
        None => derive(vm, o, s)?,
    };
    m.exports.set(m.exports.get() + 1);
    if let Some(x) = mv(v) {
        x.from.set(Some(o));
    }
    crate::gc::set_finaliser(v.as_ptr() as *const u8);
    Ok(v)
}

/// Give back what the view holds: its count on the source, its share of
/// the root's C export, its own C export.
fn release_view(vm: &Vm, m: &MemoryViewObj) {
    if m.released.replace(true) {
        return;
    }
    if m.counted.replace(false) {
        if let Some(s) = m.src {
            bytearray::add_export(s, -1);
        }
    }
    if let Some(f) = m.from.take().and_then(mv) {
        f.exports.set(f.exports.get().saturating_sub(1));
    }
    match m.parent.and_then(mv) {
        Some(p) => {
            p.views.set(p.views.get().saturating_sub(1));
            give_back(vm, p);
        }
        None => give_back(vm, m),
    }
}

/// Release a root view's C export once it and all views sharing the
/// memory are released.
fn give_back(vm: &Vm, r: &MemoryViewObj) {
    if r.released.get() && r.views.get() == 0 {
        let h = r.ext.replace(0);
        if h != 0 {
            if let Some(c) = vm.cext.get() {
                c.release_buffer(vm, h);
            }
        }
    }
}

/// The collector found an unreachable view: release it.
pub fn finalise(vm: &Vm, o: Obj) {
    if let Some(m) = mv(o) {
        release_view(vm, m);
    }
}

/// Release a view made for the C API (`PyBuffer_Release`).
pub fn release(vm: &Vm, o: Obj) {
    finalise(vm, o)
}

/// Is `o` an `array.array`? Its typecode and storage.
fn array_parts(vm: &Vm, o: Obj) -> PyResult<Option<(u8, Obj)>> {
    if o.layout() != Layout::Object {
        return Ok(None);
    }
    #[cfg(feature = "array")]
    return crate::modules::array::parts_of(vm, o);
    #[cfg(not(feature = "array"))]
    {
        let _ = vm;
        Ok(None)
    }
}

/// Does `o` export a buffer?
pub fn has_buffer(vm: &Vm, o: Obj) -> bool {
    match o.layout() {
        Layout::Bytes | Layout::ByteArray | Layout::MemoryView => true,
        _ => {
            matches!(array_parts(vm, o), Ok(Some(_)))
                || vm.cext.get().is_some_and(|c| c.has_buffer(o))
        }
    }
}

/// `memoryview(o)`: a view of `o`'s buffer (`flags`: CPython's PyBUF_*
/// request passed on to a C exporter).
pub fn new_flags(vm: &Vm, o: Obj, flags: u32) -> PyResult<Obj> {
    if mv(o).is_some() {
        let m = live(vm, o)?;
        return derive(vm, o, Shape::of(m));
    }
    match o.layout() {
        Layout::Bytes => {
            let n = buffer_of(o).map_or(0, |b| b.len());
            return alloc_view(
                vm,
                o,
                Some(o),
                (0, 0),
                0,
                None,
                Shape::flat(n, "B", true),
                true,
            );
        }
        Layout::ByteArray => {
            let n = buffer_of(o).map_or(0, |b| b.len());
            return alloc_view(
                vm,
                o,
                Some(o),
                (0, 0),
                0,
                None,
                Shape::flat(n, "B", false),
                true,
            );
        }
        _ => {}
    }
    if let Some((tc, store)) = array_parts(vm, o)? {
        let n = buffer_of(store).map_or(0, |b| b.len());
        let mut f = [0u8; 4];
        let f = (tc as char).encode_utf8(&mut f);
        return alloc_view(
            vm,
            o,
            Some(store),
            (0, 0),
            0,
            None,
            Shape::flat(n, f, false),
            true,
        );
    }
    if let Some(c) = vm.cext.get() {
        if let Some(e) = c.get_buffer(vm, o, flags)? {
            return from_ext(vm, o, e);
        }
    }
    Err(vm.type_error(&format!(
        "memoryview: a bytes-like object is required, not '{}'",
        o.ty().name()
    )))
}

/// `memoryview(o)`.
pub fn new(vm: &Vm, o: Obj) -> PyResult<Obj> {
    // PyBUF_FULL_RO: as CPython's memoryview().
    new_flags(vm, o, 0x11c)
}

/// A view of a C export (which it releases when released).
pub fn from_ext(vm: &Vm, base: Obj, e: ExtBuffer) -> PyResult<Obj> {
    let bad = |vm: &Vm, msg: &str| {
        if let (Some(c), true) = (vm.cext.get(), e.handle != 0) {
            c.release_buffer(vm, e.handle);
        }
        Err(vm.new_error(&exc::BUFFER_ERROR, msg))
    };
    if e.ndim > MAX_NDIM {
        return bad(vm, "memoryview: number of dimensions must not exceed 8");
    }
    let (fmt, fmtlen) = if e.format == 0 {
        (0, 1)
    } else {
        // SAFETY: the exporter's format is a NUL-terminated C string that
        // lives while the buffer is exported.
        let n = unsafe { core::ffi::CStr::from_ptr(e.format as *const core::ffi::c_char) }
            .to_bytes()
            .len();
        (e.format, n)
    };
    let itemsize = e.itemsize.max(1);
    let mut s = Shape {
        offset: 0,
        itemsize,
        fmt,
        fmtlen,
        ndim: e.ndim,
        shape: e.shape,
        strides: e.strides,
        readonly: e.readonly,
    };
    if e.ndim == 1 && e.shape[0] < 0 {
        s.shape[0] = (e.len / itemsize) as isize;
        s.strides[0] = itemsize as isize;
    }
    // The memory the items span (negative strides reach below `addr`).
    let (mut lo, mut hi) = (0isize, itemsize as isize);
    for d in 0..s.ndim {
        let ext = (s.shape[d].max(1) - 1) * s.strides[d];
        if s.shape[d] == 0 {
            hi = lo;
            break;
        }
        if ext < 0 {
            lo += ext;
        } else {
            hi += ext;
        }
    }
    let lo = lo.min(0);
    let start = (e.addr as isize + lo) as usize;
    s.offset = -lo;
    let len = ((hi - lo).max(0) as usize).max(if s.ndim == 0 { itemsize } else { 0 });
    alloc_view(vm, base, None, (start, len), e.handle, None, s, false)
}

/// A view of a C-ordered copy of `o`'s items (same format and shape).
pub fn contiguous_copy(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let m = live(vm, o)?;
    let data = gather(vm, o)?;
    let b = bytes::new(vm, &data)?;
    let mut s = Shape::of(m);
    s.offset = 0;
    s.readonly = true;
    let mut st = s.itemsize as isize;
    for d in (0..s.ndim).rev() {
        s.strides[d] = st;
        st *= s.shape[d];
    }
    alloc_view(vm, b, Some(b), (0, 0), 0, None, s, false)
}

/// `PyMemoryView_FromMemory`: a view of `len` bytes of C memory.
pub fn from_memory(vm: &Vm, addr: usize, len: usize, readonly: bool) -> PyResult<Obj> {
    alloc_view(
        vm,
        none(),
        None,
        (addr, len),
        0,
        None,
        Shape::flat(len, "B", readonly),
        false,
    )
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
    let m = live(vm, o)?;
    if m.ndim == 0 {
        return Err(vm.type_error("0-dim memory has no length"));
    }
    Ok(m.shape[0].max(0) as usize)
}

fn unsupported(vm: &Vm, m: &MemoryViewObj) -> crate::vm::Raised {
    vm.new_error(
        &exc::NOT_IMPLEMENTED_ERROR,
        &format!("memoryview: format {} not supported", bytes::l1(m.format())),
    )
}

/// The item at byte position `at` as a Python object.
fn unpack(vm: &Vm, m: &MemoryViewObj, at: isize) -> PyResult<Obj> {
    let c = m.code().ok_or_else(|| unsupported(vm, m))?;
    let n = m.itemsize;
    let d = usize::try_from(at)
        .ok()
        .and_then(|a| m.memory().get(a..a + n))
        .ok_or_else(|| vm.index_error("memoryview: item outside the exported memory"))?;
    let mut w = [0u8; 8];
    if cfg!(target_endian = "little") {
        w[..n.min(8)].copy_from_slice(&d[..n.min(8)]);
    } else {
        w[8 - n.min(8)..].copy_from_slice(&d[..n.min(8)]);
    }
    let u = if cfg!(target_endian = "little") {
        u64::from_le_bytes(w)
    } else {
        u64::from_be_bytes(w)
    };
    let bits = 8 * n.min(8) as u32;
    let signed = || {
        let sh = 64 - bits;
        ((u << sh) as i64) >> sh
    };
    match c {
        b'f' => float::new(vm, f32::from_bits(u as u32) as f64),
        b'd' => float::new(vm, f64::from_bits(u)),
        b'?' => Ok(py_bool(u != 0)),
        b'c' => bytes::new(vm, &d[..1]),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => int::new_i64(vm, signed()),
        b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => {
            super::intmethods::new_i128(vm, u as i128)
        }
        _ => Err(unsupported(vm, m)),
    }
}

/// The bytes of `v` as an item of `m`'s format.
fn pack(vm: &Vm, m: &MemoryViewObj, v: Obj) -> PyResult<([u8; 8], usize)> {
    let c = m.code().ok_or_else(|| unsupported(vm, m))?;
    let n = m.itemsize.min(8);
    let fmt = bytes::l1(m.format());
    let bad_type = || vm.type_error(&format!("memoryview: invalid type for format '{fmt}'"));
    let bad_value = || vm.value_error(&format!("memoryview: invalid value for format '{fmt}'"));
    let raw: u64 = match c {
        b'f' | b'd' => {
            let x = float::to_f64(vm, v)?.ok_or_else(bad_type)?;
            if c == b'f' {
                (x as f32).to_bits() as u64
            } else {
                x.to_bits()
            }
        }
        b'?' => abs::truthy(vm, v)? as u64,
        b'c' => match super::bytes::as_bytes(v) {
            Some([b]) if v.layout() == Layout::Bytes => *b as u64,
            _ => return Err(bad_value()),
        },
        _ => {
            if !is_index(v) {
                return Err(bad_type());
            }
            let i = abs::index(vm, v)?;
            let big = int::to_bigint(i).unwrap_or_else(crate::bigint::BigInt::zero);
            let val: i128 = match (big.to_i64(), big.to_u64()) {
                (Some(x), _) => x as i128,
                (None, Some(x)) => x as i128,
                _ => return Err(bad_value()),
            };
            let bits = 8 * n as u32;
            let (lo, hi): (i128, i128) = if c.is_ascii_uppercase() {
                (0, (1i128 << bits) - 1)
            } else {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            };
            if val < lo || val > hi {
                return Err(bad_value());
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

fn store(vm: &Vm, m: &MemoryViewObj, at: isize, v: Obj) -> PyResult<()> {
    let (w, n) = pack(vm, m, v)?;
    let d = usize::try_from(at)
        .ok()
        .and_then(|a| m.memory_mut().get_mut(a..a + n))
        .ok_or_else(|| vm.index_error("memoryview: item outside the exported memory"))?;
    d.copy_from_slice(&w[..n]);
    Ok(())
}

/// Byte position of the item at `idx` (one index per dimension).
fn item_pos(vm: &Vm, m: &MemoryViewObj, idx: &[Obj]) -> PyResult<isize> {
    let mut at = m.offset;
    for (d, k) in idx.iter().enumerate() {
        let n = m.shape[d];
        let i = abs::index_isize(vm, *k)?;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.index_error(&format!("index out of bounds on dimension {}", d + 1)));
        }
        at += j * m.strides[d];
    }
    Ok(at)
}

/// The indices a key names: one int (1-D) or a tuple of ints.
fn key_indices(vm: &Vm, m: &MemoryViewObj, k: Obj) -> PyResult<Option<Vec<Obj>>> {
    if let Some(t) = tuple_slice(k) {
        if t.iter().all(|x| is_index(*x)) {
            if t.len() < m.ndim {
                return Err(
                    vm.new_error(&exc::NOT_IMPLEMENTED_ERROR, "sub-views are not implemented")
                );
            }
            if t.len() > m.ndim {
                return Err(vm.type_error(&format!(
                    "cannot index {}-dimension view with {}-element tuple",
                    m.ndim,
                    t.len()
                )));
            }
            return Ok(Some(t.to_vec()));
        }
        if t.iter()
            .all(|x| x.downcast::<super::slice::SliceObj>().is_some())
        {
            return Err(vm.new_error(
                &exc::NOT_IMPLEMENTED_ERROR,
                "multi-dimensional slicing is not implemented",
            ));
        }
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    if is_index(k) {
        if m.ndim == 0 {
            return Err(vm.type_error("invalid indexing of 0-dim memory"));
        }
        if m.ndim > 1 {
            return Err(vm.new_error(
                &exc::NOT_IMPLEMENTED_ERROR,
                "multi-dimensional sub-views are not implemented",
            ));
        }
        return Ok(Some(alloc::vec![k]));
    }
    Ok(None)
}

/// The view `m[sl]` (slicing the first dimension).
fn sliced(vm: &Vm, o: Obj, m: &MemoryViewObj, sl: &super::slice::SliceObj) -> PyResult<Shape> {
    if m.ndim == 0 {
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    let (start, _, step, n) = slice_indices(vm, sl, m.shape[0].max(0) as usize)?;
    let _ = o;
    let mut s = Shape::of(m);
    if n > 0 {
        s.offset = m.offset + start * m.strides[0];
    }
    s.shape[0] = n as isize;
    s.strides[0] = m.strides[0] * step;
    Ok(s)
}

fn mv_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    let m = live(vm, o)?;
    if let Some(sl) = k.downcast::<super::slice::SliceObj>() {
        let s = sliced(vm, o, m, sl)?;
        return derive(vm, o, s);
    }
    if m.ndim == 0 {
        if k.is(super::ellipsis()) {
            return derive(vm, o, Shape::of(m));
        }
        if tuple_slice(k).is_some_and(|t| t.is_empty()) {
            return unpack(vm, m, m.offset);
        }
    }
    match key_indices(vm, m, k)? {
        Some(idx) => {
            let at = item_pos(vm, m, &idx)?;
            unpack(vm, m, at)
        }
        None => Err(vm.type_error("memoryview: invalid slice key")),
    }
}

/// The items of `m` in C order, as byte positions.
fn positions(m: &MemoryViewObj) -> Vec<isize> {
    let mut out = Vec::new();
    if m.ndim == 0 {
        out.push(m.offset);
        return out;
    }
    fn walk(m: &MemoryViewObj, d: usize, at: isize, out: &mut Vec<isize>) {
        for i in 0..m.shape[d].max(0) {
            let p = at + i * m.strides[d];
            if d + 1 == m.ndim {
                out.push(p);
            } else {
                walk(m, d + 1, p, out);
            }
        }
    }
    walk(m, 0, m.offset, &mut out);
    out
}

/// A copy of the viewed bytes, in C order.
fn gather(vm: &Vm, o: Obj) -> PyResult<Vec<u8>> {
    let m = live(vm, o)?;
    let d = m.memory();
    let n = m.itemsize;
    let mut out: Vec<u8> = crate::modules::vec_with(vm, m.nbytes())?;
    for p in positions(m) {
        match usize::try_from(p).ok().and_then(|p| d.get(p..p + n)) {
            Some(x) => out.extend_from_slice(x),
            None => out.extend(core::iter::repeat_n(0, n)),
        }
    }
    Ok(out)
}

/// The bytes of any buffer-exporting object, in C order (a C export is
/// acquired and released).
pub fn bytes_of(vm: &Vm, o: Obj) -> PyResult<Option<Vec<u8>>> {
    if let Some(d) = buffer_of(o) {
        return Ok(Some(d.to_vec()));
    }
    if !has_buffer(vm, o) {
        return Ok(None);
    }
    let v = new(vm, o)?;
    let r = gather(vm, v);
    if let Some(m) = mv(v) {
        release_view(vm, m);
    }
    r.map(Some)
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
        let s = sliced(vm, o, m, sl)?;
        let dst = derive(vm, o, s)?;
        let r = copy_into(vm, dst, v);
        if let Some(d) = mv(dst) {
            release_view(vm, d);
        }
        return r;
    }
    if m.ndim == 0 && (k.is(super::ellipsis()) || tuple_slice(k).is_some_and(|t| t.is_empty())) {
        return store(vm, m, m.offset, v);
    }
    match key_indices(vm, m, k)? {
        Some(idx) => {
            let at = item_pos(vm, m, &idx)?;
            store(vm, m, at, v)
        }
        None => Err(vm.type_error("memoryview: invalid slice key")),
    }
}

/// `dst[:] = src` for views of the same structure.
fn copy_into(vm: &Vm, dst: Obj, v: Obj) -> PyResult<()> {
    let d = live(vm, dst)?;
    let srcv = if mv(v).is_some() {
        v
    } else if has_buffer(vm, v) {
        new(vm, v)?
    } else {
        return Err(vm.type_error(&format!(
            "a bytes-like object is required, not '{}'",
            v.ty().name()
        )));
    };
    let s = live(vm, srcv)?;
    let same = s.ndim == d.ndim
        && s.shape[..s.ndim] == d.shape[..d.ndim]
        && norm(s.format()) == norm(d.format());
    if !same {
        return Err(
            vm.value_error("memoryview assignment: lvalue and rvalue have different structures")
        );
    }
    let data = gather(vm, srcv)?;
    let n = d.itemsize;
    let mem = d.memory_mut();
    for (i, p) in positions(d).into_iter().enumerate() {
        if let Some(x) = usize::try_from(p).ok().and_then(|p| mem.get_mut(p..p + n)) {
            x.copy_from_slice(&data[i * n..i * n + n]);
        }
    }
    if !srcv.is(v) {
        if let Some(sm) = mv(srcv) {
            release_view(vm, sm);
        }
    }
    Ok(())
}

fn tuple_slice(o: Obj) -> Option<&'static [Obj]> {
    tuple::is_tuple(o).then(|| tuple::tuple_items(o))
}
fn list_slice(o: Obj) -> Option<&'static [Obj]> {
    list::is_list(o).then(|| list::items(o))
}

fn norm(f: &[u8]) -> &[u8] {
    f.strip_prefix(b"@").unwrap_or(f)
}

/// All items, unpacked, in C order.
fn items(vm: &Vm, m: &MemoryViewObj) -> PyResult<Vec<Obj>> {
    positions(m).into_iter().map(|p| unpack(vm, m, p)).collect()
}

fn mv_cmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(not_implemented());
    }
    if a.is(b) {
        return Ok(py_bool(op == CmpOp::Eq));
    }
    let (Some(ma), bv) = (mv(a), b) else {
        return Ok(not_implemented());
    };
    if ma.released.get() || mv(bv).is_some_and(|m| m.released.get()) {
        return Ok(py_bool(op == CmpOp::Ne));
    }
    let other = if mv(bv).is_some() {
        bv
    } else if has_buffer(vm, bv) {
        new(vm, bv)?
    } else {
        return Ok(not_implemented());
    };
    let mb = live(vm, other)?;
    let eq = if ma.ndim != mb.ndim || ma.shape[..ma.ndim] != mb.shape[..mb.ndim] {
        false
    } else if norm(ma.format()) == b"B" && norm(mb.format()) == b"B" {
        gather(vm, a)? == gather(vm, other)?
    } else {
        let (x, y) = (items(vm, ma)?, items(vm, mb)?);
        let mut all = true;
        for (p, q) in x.iter().zip(y.iter()) {
            if !abs::eq(vm, *p, *q)? {
                all = false;
                break;
            }
        }
        all
    };
    if !other.is(bv) {
        release_view(vm, mb);
    }
    Ok(py_bool(eq == (op == CmpOp::Eq)))
}

fn mv_hash(vm: &Vm, o: Obj) -> PyResult<isize> {
    let m = live(vm, o)?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !matches!(norm(m.format()), b"B" | b"b" | b"c") {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
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
    let m = live(vm, o)?;
    let flat = items(vm, m)?;
    if m.ndim == 0 {
        return Ok(flat.first().copied().unwrap_or(none()));
    }
    fn build(vm: &Vm, m: &MemoryViewObj, d: usize, flat: &[Obj], at: &mut usize) -> PyResult<Obj> {
        let n = m.shape[d].max(0) as usize;
        let mut v: Vec<Obj> = Vec::with_capacity(n);
        for _ in 0..n {
            if d + 1 == m.ndim {
                v.push(flat.get(*at).copied().unwrap_or(none()));
                *at += 1;
            } else {
                v.push(build(vm, m, d + 1, flat, at)?);
            }
        }
        list::new(vm, &v)
    }
    build(vm, m, 0, &flat, &mut 0)
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
        if m.exports.get() > 0 && !m.released.get() {
            // Exports held by objects that are already garbage (a Cython
            // memoryview) are given back by their finalisers.
            vm.collect();
        }
        if m.exports.get() > 0 && !m.released.get() {
            return Err(vm.new_error(
                &exc::BUFFER_ERROR,
                &format!(
                    "memoryview has {} exported buffer{}",
                    m.exports.get(),
                    if m.exports.get() == 1 { "" } else { "s" }
                ),
            ));
        }
        release_view(vm, m);
        // Views sliced from this one share its C export: those no longer
        // reachable are finalised now, so the export is given back as soon
        // as CPython would give it back.
        if m.parent.is_none() && m.views.get() > 0 && m.ext.get() != 0 {
            vm.collect();
        }
    }
    Ok(none())
}
fn m_toreadonly(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = this(vm, a, "toreadonly")?;
    let mut s = Shape::of(live(vm, o)?);
    s.readonly = true;
    derive(vm, o, s)
}
fn m_cast(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = a.pos.first().copied().unwrap_or(none());
    let [f, shape] = rest(a).bind(vm, "cast", ["format", "shape"], 1)?;
    let m = live(vm, o)?;
    let f = f.unwrap_or(none());
    let fs = super::str::as_str(f).ok_or_else(|| {
        vm.type_error(&format!(
            "cast() argument 'format' must be str, not {}",
            f.ty().name()
        ))
    })?;
    let Some((sf, size)) = static_format(fs) else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if !m.is_contiguous(b'C') {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let byte = |x: &[u8]| matches!(norm(x), b"B" | b"b" | b"c");
    if !byte(m.format()) && !byte(&sf[..sf.len() - 1]) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.nbytes();
    let mut s = Shape::of(m);
    s.itemsize = size;
    s.fmt = sf.as_ptr() as usize;
    s.fmtlen = sf.len() - 1;
    match shape.filter(|x| !x.is(none())) {
        None => {
            if nbytes % size != 0 {
                return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
            }
            s.ndim = 1;
            s.shape[0] = (nbytes / size) as isize;
            s.strides[0] = size as isize;
        }
        Some(sh) => {
            let dims = match (tuple_slice(sh), list_slice(sh)) {
                (Some(t), _) => t.to_vec(),
                (_, Some(l)) => l.to_vec(),
                _ => return Err(vm.type_error("shape must be a list or a tuple")),
            };
            if dims.len() > MAX_NDIM {
                return Err(vm.value_error("memoryview: number of dimensions must not exceed 8"));
            }
            if m.ndim != 1 && dims.len() != 1 {
                return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
            }
            let mut prod = size;
            s.ndim = dims.len();
            for (d, x) in dims.iter().enumerate() {
                let n = abs::index_isize(vm, *x)?;
                if n <= 0 {
                    return Err(
                        vm.value_error("memoryview.cast(): elements of shape must be integers > 0")
                    );
                }
                s.shape[d] = n;
                prod = prod.saturating_mul(n as usize);
            }
            if prod != nbytes {
                return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            let mut st = size as isize;
            for d in (0..s.ndim).rev() {
                s.strides[d] = st;
                st *= s.shape[d];
            }
        }
    }
    derive(vm, o, s)
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
    Ok(Obj::small(live(vm, o)?.nbytes() as isize))
}
fn g_format(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let m = live(vm, o)?;
    vm.new_string(bytes::l1(m.format()).into_owned())
}
fn g_itemsize(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(live(vm, o)?.itemsize as isize))
}
fn g_ndim(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(live(vm, o)?.ndim as isize))
}
fn ints(vm: &Vm, v: &[isize]) -> PyResult<Obj> {
    let items: Vec<Obj> = v.iter().map(|x| Obj::small(*x)).collect();
    tuple::new(vm, &items)
}
fn g_shape(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let m = live(vm, o)?;
    ints(vm, &m.shape[..m.ndim])
}
fn g_strides(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let m = live(vm, o)?;
    ints(vm, &m.strides[..m.ndim])
}
fn g_suboffsets(vm: &Vm, o: Obj) -> PyResult<Obj> {
    live(vm, o)?;
    tuple::new(vm, &[])
}
fn g_c_contiguous(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(py_bool(live(vm, o)?.is_contiguous(b'C')))
}
fn g_f_contiguous(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(py_bool(live(vm, o)?.is_contiguous(b'F')))
}
fn g_contiguous(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(py_bool(live(vm, o)?.is_contiguous(b'A')))
}
static MV_ATTRS: [AttrEntry; 20] = [
    method!("tobytes", m_tobytes),
    method!("tolist", m_tolist),
    method!("hex", m_hex),
    method!("release", m_release),
    method!("toreadonly", m_toreadonly),
    method!("cast", m_cast),
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
    getset!("suboffsets", g_suboffsets),
    getset!("c_contiguous", g_c_contiguous),
    getset!("f_contiguous", g_f_contiguous),
    getset!("contiguous", g_contiguous),
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
