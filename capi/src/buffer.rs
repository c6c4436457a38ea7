//! The buffer protocol (include/pybuffer.h): `PyObject_GetBuffer`,
//! `PyBuffer_Release`, the `PyBuffer_*` helpers, `PyObject_CopyData` and the
//! `PyMemoryView_*` constructors; and the C side of the core's buffers
//! (`CExtensions::get_buffer` for a C type's `bf_getbuffer`).
//!
//! A buffer of a core object (bytes, bytearray, array.array, memoryview) is
//! described by a hidden memoryview (`memoryview::export_view`) kept in
//! `view->internal`: its memory, shape and strides are what the `Py_buffer`
//! points at, and it holds the bytearray's export count. `PyBuffer_Release`
//! releases it. It is pinned when the `Py_buffer` lives outside the
//! collector's heap (a C stack or static); a `Py_buffer` inside a heap
//! object (a Cython memoryview) keeps it alive only as long as that object
//! lives, and the collector releases it after (ferropy never calls
//! `tp_dealloc`, where such objects release their buffers on CPython); the
//! exporting object is then not pinned either, so it is not leaked.
#![allow(unsafe_code)]

use crate::boundary::{api, bad_internal_call, obj, opt, P};
use crate::spec::ctable;
use core::ffi::{c_char, c_int, c_void};
use ferropy_core::gc;
use ferropy_core::obj::memoryview::{self, ExtBuffer, MemoryViewObj, MAX_NDIM};
use ferropy_core::obj::{exc, int, none, Layout, Obj};
use ferropy_core::vm::{PyResult, Vm};

/// Mirror of `Py_buffer` (include/pybuffer.h).
#[repr(C)]
pub struct PyBuffer {
    pub buf: *mut c_void,
    pub obj: P,
    pub len: isize,
    pub itemsize: isize,
    pub readonly: c_int,
    pub ndim: c_int,
    pub format: *mut c_char,
    pub shape: *mut isize,
    pub strides: *mut isize,
    pub suboffsets: *mut isize,
    pub internal: *mut c_void,
}

// CPython's size of Py_buffer: 80 bytes on 64-bit targets, 44 on 32-bit.
const _: () = assert!(core::mem::size_of::<PyBuffer>() == 9 * core::mem::size_of::<usize>() + 8);
const _: () =
    assert!(core::mem::offset_of!(PyBuffer, readonly) == 4 * core::mem::size_of::<usize>());
const _: () =
    assert!(core::mem::offset_of!(PyBuffer, format) == 4 * core::mem::size_of::<usize>() + 8);

pub const PYBUF_WRITABLE: c_int = 0x0001;
pub const PYBUF_FORMAT: c_int = 0x0004;
pub const PYBUF_ND: c_int = 0x0008;
pub const PYBUF_STRIDES: c_int = 0x0010 | PYBUF_ND;
pub const PYBUF_C_CONTIGUOUS: c_int = 0x0020 | PYBUF_STRIDES;
pub const PYBUF_F_CONTIGUOUS: c_int = 0x0040 | PYBUF_STRIDES;
pub const PYBUF_ANY_CONTIGUOUS: c_int = 0x0080 | PYBUF_STRIDES;
pub const PYBUF_FULL_RO: c_int = 0x0100 | PYBUF_STRIDES | PYBUF_FORMAT;
pub const PYBUF_READ: c_int = 0x100;
pub const PYBUF_WRITE: c_int = 0x200;

type GetBuf = unsafe extern "C" fn(P, *mut PyBuffer, c_int) -> c_int;
type RelBuf = unsafe extern "C" fn(P, *mut PyBuffer);

/// The C `bf_getbuffer` / `bf_releasebuffer` of `o`'s type.
fn c_slots(o: Obj) -> (Option<GetBuf>, Option<RelBuf>) {
    let Some(t) = ctable(o.ty()) else {
        return (None, None);
    };
    let (g, r) = (t.f[1], t.f[2]);
    // SAFETY: slot ids 1 and 2 hold functions of exactly these types
    // (Py_bf_getbuffer, Py_bf_releasebuffer), as the extension promised.
    unsafe {
        (
            (!g.is_null()).then(|| core::mem::transmute::<*mut c_void, GetBuf>(g)),
            (!r.is_null()).then(|| core::mem::transmute::<*mut c_void, RelBuf>(r)),
        )
    }
}

/// A new reference for C (boxed and pinned).
fn new_ref(vm: &Vm, o: Obj) -> PyResult<P> {
    let b = int::boxed(vm, o)?;
    b.pin();
    Ok(b.as_ptr())
}

fn not_buffer(vm: &Vm, o: Obj) -> ferropy_core::vm::Raised {
    vm.type_error(&alloc::format!(
        "a bytes-like object is required, not '{}'",
        o.ty().name()
    ))
}

fn buffer_error(vm: &Vm, msg: &str) -> ferropy_core::vm::Raised {
    vm.new_error(&exc::BUFFER_ERROR, msg)
}

/// `PyObject_GetBuffer`.
pub fn get_buffer(vm: &Vm, o: Obj, view: *mut PyBuffer, flags: c_int) -> PyResult<()> {
    if view.is_null() {
        return Err(bad_internal_call(vm));
    }
    if let (Some(g), _) = c_slots(o) {
        let po = int::boxed(vm, o)?.as_ptr();
        // SAFETY: the exporter's bf_getbuffer with a live object and a
        // writable Py_buffer.
        let r = unsafe { g(po, view, flags) };
        return if r < 0 {
            Err(vm.already_raised())
        } else {
            Ok(())
        };
    }
    if !memoryview::has_buffer(vm, o) {
        return Err(not_buffer(vm, o));
    }
    let is_view = o.layout() == Layout::MemoryView;
    let hv = memoryview::export_view(vm, o, flags as u32)?;
    let m = hv
        .downcast::<MemoryViewObj>()
        .ok_or_else(|| vm.memory_error())?;
    let fail = |vm: &Vm, msg: &str| {
        memoryview::release(vm, hv);
        Err(buffer_error(vm, msg))
    };
    if flags & PYBUF_WRITABLE != 0 && m.readonly {
        return fail(
            vm,
            if is_view {
                "memoryview: underlying buffer is not writable"
            } else {
                "Object is not writable."
            },
        );
    }
    let need = |f: c_int| flags & f == f;
    if need(PYBUF_C_CONTIGUOUS) && !m.is_contiguous(b'C') {
        return fail(vm, "memoryview: underlying buffer is not C-contiguous");
    }
    if need(PYBUF_F_CONTIGUOUS) && !m.is_contiguous(b'F') {
        return fail(
            vm,
            "memoryview: underlying buffer is not Fortran contiguous",
        );
    }
    if need(PYBUF_ANY_CONTIGUOUS) && !m.is_contiguous(b'A') {
        return fail(vm, "memoryview: underlying buffer is not contiguous");
    }
    if !need(PYBUF_STRIDES) && !m.is_contiguous(b'C') {
        return fail(vm, "memoryview: underlying buffer is not C-contiguous");
    }
    if !need(PYBUF_ND) && need(PYBUF_FORMAT) && is_view {
        return fail(
            vm,
            "memoryview: cannot cast to unsigned bytes if the format flag is present",
        );
    }
    let addr = (m.memory_addr() as isize + m.offset) as *mut c_void;
    // Keep the hidden view and the object alive while C holds the
    // Py_buffer: pinned, unless the Py_buffer itself is in a heap object
    // that the collector scans (then they live as long as that object, and
    // `internal` is tagged with bit 0: nothing to unpin on release).
    let in_heap = gc::in_heap(view as *const u8);
    let obj_p = if in_heap {
        int::boxed(vm, o)?.as_ptr()
    } else {
        hv.pin();
        new_ref(vm, o)?
    };
    let shape = m.shape.as_ptr() as *mut isize;
    let strides = m.strides.as_ptr() as *mut isize;
    let v = PyBuffer {
        buf: addr,
        obj: obj_p,
        len: m.nbytes() as isize,
        itemsize: m.itemsize as isize,
        readonly: m.readonly as c_int,
        ndim: if need(PYBUF_ND) { m.ndim as c_int } else { 1 },
        format: if need(PYBUF_FORMAT) {
            m.format_ptr() as *mut c_char
        } else {
            core::ptr::null_mut()
        },
        shape: if need(PYBUF_ND) {
            shape
        } else {
            core::ptr::null_mut()
        },
        strides: if need(PYBUF_STRIDES) {
            strides
        } else {
            core::ptr::null_mut()
        },
        suboffsets: core::ptr::null_mut(),
        internal: (hv.raw() | in_heap as usize) as *mut c_void,
    };
    // SAFETY: C passed a writable Py_buffer.
    unsafe { view.write(v) };
    Ok(())
}

/// `PyBuffer_Release`.
pub fn release_buffer(vm: &Vm, view: *mut PyBuffer) {
    if view.is_null() {
        return;
    }
    // SAFETY: C passes a Py_buffer filled by PyObject_GetBuffer (or
    // PyBuffer_FillInfo), or one already released (obj NULL).
    let v = unsafe { &mut *view };
    let Some(o) = opt(v.obj) else { return };
    let mut pinned = true;
    match c_slots(o) {
        (Some(_), rel) => {
            if let Some(r) = rel {
                // SAFETY: the exporter's own release function with its view.
                unsafe { r(v.obj, view) };
            }
        }
        (None, _) => {
            if let Some(h) = hidden_view(v.internal) {
                memoryview::release(vm, h);
                pinned = v.internal as usize & 1 == 0;
                if pinned {
                    h.unpin();
                }
                v.internal = core::ptr::null_mut();
            }
        }
    }
    // Drop the reference the buffer held.
    // SAFETY: `obj` is the live object pointer the view holds a reference to.
    if let (true, Some(p)) = (pinned, unsafe { Obj::from_raw(v.obj as usize) }) {
        p.unpin();
    }
    v.obj = core::ptr::null_mut();
}

/// The hidden memoryview `internal` points at, if it is one.
fn hidden_view(p: *mut c_void) -> Option<Obj> {
    let p = (p as usize & !1) as *const u8;
    if p.is_null() || !gc::is_heap_ptr(p) {
        return None;
    }
    // SAFETY: a heap pointer stored by `get_buffer` is an object start.
    let o = unsafe { Obj::from_raw(p as usize) }?;
    (o.layout() == Layout::MemoryView).then_some(o)
}

/// `PyBuffer_FillInfo`.
pub fn fill_info(
    vm: &Vm,
    view: *mut PyBuffer,
    o: P,
    buf: *mut c_void,
    len: isize,
    readonly: c_int,
    flags: c_int,
) -> PyResult<()> {
    if view.is_null() {
        return Err(buffer_error(
            vm,
            "PyBuffer_FillInfo: view==NULL argument is obsolete",
        ));
    }
    if flags & PYBUF_WRITABLE != 0 && readonly == 1 {
        return Err(buffer_error(vm, "Object is not writable."));
    }
    let obj_p = match opt(o) {
        Some(x) => new_ref(vm, x)?,
        None => core::ptr::null_mut(),
    };
    // SAFETY: C passed a writable Py_buffer; shape and strides point at
    // its own `len` and `itemsize` fields, as CPython's do.
    unsafe {
        let v = &mut *view;
        v.obj = obj_p;
        v.buf = buf;
        v.len = len;
        v.readonly = readonly;
        v.itemsize = 1;
        v.format = if flags & PYBUF_FORMAT != 0 {
            c"B".as_ptr() as *mut c_char
        } else {
            core::ptr::null_mut()
        };
        v.ndim = 1;
        v.shape = if flags & PYBUF_ND == PYBUF_ND {
            &mut v.len
        } else {
            core::ptr::null_mut()
        };
        v.strides = if flags & PYBUF_STRIDES == PYBUF_STRIDES {
            &mut v.itemsize
        } else {
            core::ptr::null_mut()
        };
        v.suboffsets = core::ptr::null_mut();
        v.internal = core::ptr::null_mut();
    }
    Ok(())
}

/// Shape and strides of a Py_buffer (strides of C order when NULL).
fn dims(v: &PyBuffer) -> Option<(alloc::vec::Vec<isize>, alloc::vec::Vec<isize>)> {
    let nd = v.ndim.max(0) as usize;
    if v.shape.is_null() {
        let n = if v.itemsize > 0 {
            v.len / v.itemsize
        } else {
            v.len
        };
        return Some((alloc::vec![n], alloc::vec![v.itemsize]));
    }
    // SAFETY: a filled Py_buffer's shape (and strides) have ndim entries.
    let shape = unsafe { core::slice::from_raw_parts(v.shape, nd) }.to_vec();
    let strides = if v.strides.is_null() {
        let mut s = alloc::vec![0; nd];
        let mut st = v.itemsize;
        for d in (0..nd).rev() {
            s[d] = st;
            st *= shape[d];
        }
        s
    } else {
        // SAFETY: as above.
        unsafe { core::slice::from_raw_parts(v.strides, nd) }.to_vec()
    };
    Some((shape, strides))
}

/// `PyBuffer_IsContiguous`.
pub fn is_contiguous(view: *const PyBuffer, order: c_char) -> bool {
    // SAFETY: C passes a filled Py_buffer.
    let Some(v) = (unsafe { view.as_ref() }) else {
        return false;
    };
    if !v.suboffsets.is_null() {
        return false;
    }
    if v.len == 0 || v.strides.is_null() {
        if order as u8 != b'F' || v.strides.is_null() && v.ndim <= 1 {
            return true;
        }
        if v.strides.is_null() {
            // C-contiguous by definition: Fortran-contiguous too when at
            // most one dimension is longer than 1.
            return dims(v).is_some_and(|(s, _)| s.iter().filter(|&&n| n > 1).count() <= 1);
        }
        return true;
    }
    match dims(v) {
        Some((s, st)) => {
            let ok = |o: u8| contiguous(&s, &st, v.itemsize, o);
            match order as u8 {
                b'C' => ok(b'C'),
                b'F' => ok(b'F'),
                _ => ok(b'C') || ok(b'F'),
            }
        }
        None => false,
    }
}

fn contiguous(shape: &[isize], strides: &[isize], itemsize: isize, order: u8) -> bool {
    let n = shape.len();
    let mut want = itemsize;
    for k in 0..n {
        let d = if order == b'C' { n - 1 - k } else { k };
        if shape[d] > 1 && strides[d] != want {
            return false;
        }
        want *= shape[d];
    }
    true
}

/// Byte offsets of every item of `v`, in C (`order` b'C') or Fortran order.
fn offsets(v: &PyBuffer, order: u8) -> alloc::vec::Vec<isize> {
    let Some((shape, strides)) = dims(v) else {
        return alloc::vec::Vec::new();
    };
    let n: isize = shape.iter().product();
    let mut out = alloc::vec::Vec::with_capacity(n.max(0) as usize);
    let nd = shape.len();
    let mut idx = alloc::vec![0isize; nd];
    for _ in 0..n.max(0) {
        out.push(idx.iter().zip(&strides).map(|(i, s)| i * s).sum());
        // Advance the index: last dimension fastest for C, first for F.
        for k in 0..nd {
            let d = if order == b'F' { k } else { nd - 1 - k };
            idx[d] += 1;
            if idx[d] < shape[d] {
                break;
            }
            idx[d] = 0;
        }
    }
    out
}

/// `PyBuffer_GetPointer`.
pub fn get_pointer(view: *const PyBuffer, indices: *const isize) -> *mut c_void {
    // SAFETY: C passes a filled Py_buffer and ndim indices.
    let Some(v) = (unsafe { view.as_ref() }) else {
        return core::ptr::null_mut();
    };
    let Some((_, strides)) = dims(v) else {
        return v.buf;
    };
    let mut p = v.buf as *mut u8;
    for (d, s) in strides.iter().enumerate() {
        // SAFETY: as above; the caller's indices are within the shape.
        unsafe {
            let i = *indices.add(d);
            p = p.offset(i * s);
            if !v.suboffsets.is_null() && *v.suboffsets.add(d) >= 0 {
                p = (*(p as *mut *mut u8)).offset(*v.suboffsets.add(d));
            }
        }
    }
    p as *mut c_void
}

/// `PyBuffer_ToContiguous`.
pub fn to_contiguous(
    vm: &Vm,
    buf: *mut c_void,
    view: *const PyBuffer,
    len: isize,
    order: c_char,
) -> PyResult<()> {
    // SAFETY: C passes a filled Py_buffer.
    let v = unsafe { view.as_ref() }.ok_or_else(|| bad_internal_call(vm))?;
    if len != v.len {
        return Err(vm.value_error("PyBuffer_ToContiguous: len != view->len"));
    }
    let order = if order as u8 == b'F' { b'F' } else { b'C' };
    if is_contiguous(view, order as c_char) || v.ndim == 0 {
        // SAFETY: both hold `len` bytes (the caller's contract).
        unsafe { core::ptr::copy(v.buf as *const u8, buf as *mut u8, len as usize) };
        return Ok(());
    }
    let n = v.itemsize.max(0) as usize;
    let mut out = buf as *mut u8;
    for off in offsets(v, order) {
        // SAFETY: each item lies inside the exporter's memory, and `buf`
        // has room for all of them.
        unsafe {
            core::ptr::copy((v.buf as *const u8).offset(off), out, n);
            out = out.add(n);
        }
    }
    Ok(())
}

/// `PyBuffer_FromContiguous`.
pub fn from_contiguous(
    vm: &Vm,
    view: *const PyBuffer,
    buf: *const c_void,
    len: isize,
    order: c_char,
) -> PyResult<()> {
    // SAFETY: C passes a filled Py_buffer.
    let v = unsafe { view.as_ref() }.ok_or_else(|| bad_internal_call(vm))?;
    let len = len.clamp(0, v.len.max(0));
    let order = if order as u8 == b'F' { b'F' } else { b'C' };
    if is_contiguous(view, order as c_char) || v.ndim == 0 {
        // SAFETY: both hold at least `len` bytes.
        unsafe { core::ptr::copy(buf as *const u8, v.buf as *mut u8, len as usize) };
        return Ok(());
    }
    let n = v.itemsize.max(1) as usize;
    let mut src = buf as *const u8;
    let mut left = len as usize;
    for off in offsets(v, order) {
        if left < n {
            break;
        }
        // SAFETY: as in `to_contiguous`, in the other direction.
        unsafe {
            core::ptr::copy(src, (v.buf as *mut u8).offset(off), n);
            src = src.add(n);
        }
        left -= n;
    }
    Ok(())
}

/// `PyBuffer_FillContiguousStrides`.
pub fn fill_contiguous_strides(
    ndim: c_int,
    shape: *const isize,
    strides: *mut isize,
    itemsize: c_int,
    order: c_char,
) {
    if ndim <= 0 || shape.is_null() || strides.is_null() {
        return;
    }
    let nd = ndim as usize;
    let mut st = itemsize as isize;
    for k in 0..nd {
        let d = if order as u8 == b'F' { k } else { nd - 1 - k };
        // SAFETY: C passes ndim-entry arrays.
        unsafe {
            *strides.add(d) = st;
            st *= *shape.add(d);
        }
    }
}

/// `PyBuffer_SizeFromFormat`: `struct.calcsize(format)`.
pub fn size_from_format(vm: &Vm, format: *const c_char) -> PyResult<isize> {
    let f = crate::boundary::cstr(vm, format)?;
    let m = ferropy_core::vm::import::import_one(vm, "struct", None)?;
    let calc = ferropy_core::vm::abs::getattr_str(vm, m, "calcsize")?;
    let r = ferropy_core::vm::call::call(vm, calc, &[vm.new_str(f)?])?;
    ferropy_core::vm::abs::index_isize(vm, r)
}

/// A zeroed Py_buffer on the Rust stack.
fn empty() -> PyBuffer {
    PyBuffer {
        buf: core::ptr::null_mut(),
        obj: core::ptr::null_mut(),
        len: 0,
        itemsize: 0,
        readonly: 0,
        ndim: 0,
        format: core::ptr::null_mut(),
        shape: core::ptr::null_mut(),
        strides: core::ptr::null_mut(),
        suboffsets: core::ptr::null_mut(),
        internal: core::ptr::null_mut(),
    }
}

/// `PyObject_CopyData`.
pub fn copy_data(vm: &Vm, dest: Obj, src: Obj) -> PyResult<()> {
    if !memoryview::has_buffer(vm, dest) || !memoryview::has_buffer(vm, src) {
        return Err(vm.type_error("both destination and source must be bytes-like objects"));
    }
    let mut d = empty();
    let mut s = empty();
    get_buffer(vm, dest, &mut d, PYBUF_FULL_RO | PYBUF_WRITABLE)?;
    if let Err(e) = get_buffer(vm, src, &mut s, PYBUF_FULL_RO) {
        release_buffer(vm, &mut d);
        return Err(e);
    }
    let r = (|| {
        if d.len < s.len {
            return Err(buffer_error(
                vm,
                "destination is too small to receive data from source",
            ));
        }
        let both = |o: u8| is_contiguous(&d, o as c_char) && is_contiguous(&s, o as c_char);
        if both(b'C') || both(b'F') {
            // SAFETY: both buffers hold at least s.len bytes.
            unsafe { core::ptr::copy(s.buf as *const u8, d.buf as *mut u8, s.len as usize) };
            return Ok(());
        }
        let n = s.itemsize.max(1) as usize;
        for (a, b) in offsets(&s, b'C').into_iter().zip(offsets(&d, b'C')) {
            // SAFETY: items inside both exporters' memory.
            unsafe {
                core::ptr::copy(
                    (s.buf as *const u8).offset(a),
                    (d.buf as *mut u8).offset(b),
                    n,
                )
            };
        }
        Ok(())
    })();
    release_buffer(vm, &mut s);
    release_buffer(vm, &mut d);
    r
}

/// `PyMemoryView_FromMemory`.
pub fn from_memory(vm: &Vm, mem: *mut c_char, size: isize, flags: c_int) -> PyResult<Obj> {
    if flags != PYBUF_READ && flags != PYBUF_WRITE {
        return Err(vm.new_error(
            &exc::SYSTEM_ERROR,
            "PyMemoryView_FromMemory: flags must be PyBUF_READ or PyBUF_WRITE",
        ));
    }
    if (mem.is_null() && size > 0) || size < 0 {
        return Err(bad_internal_call(vm));
    }
    memoryview::from_memory(vm, mem as usize, size as usize, flags == PYBUF_READ)
}

/// A Py_buffer's description for the core (shape -1: from `len`).
fn describe(v: &PyBuffer, handle: usize) -> Option<ExtBuffer> {
    let nd = v.ndim.max(0) as usize;
    if nd > MAX_NDIM {
        return None;
    }
    let mut e = ExtBuffer {
        addr: v.buf as usize,
        len: v.len.max(0) as usize,
        readonly: v.readonly != 0,
        itemsize: v.itemsize.max(1) as usize,
        format: v.format as usize,
        ndim: nd,
        shape: [0; MAX_NDIM],
        strides: [0; MAX_NDIM],
        handle,
    };
    if v.shape.is_null() {
        e.ndim = 1;
        e.shape[0] = -1;
        return Some(e);
    }
    let (s, st) = dims(v)?;
    e.shape[..nd].copy_from_slice(&s);
    e.strides[..nd].copy_from_slice(&st);
    Some(e)
}

/// `PyMemoryView_FromBuffer`: a view of the memory `info` describes (not
/// owning it: `info->obj` is not released, `.obj` is None).
pub fn from_buffer(vm: &Vm, info: *const PyBuffer) -> PyResult<Obj> {
    // SAFETY: C passes a filled Py_buffer.
    let v = unsafe { info.as_ref() }.ok_or_else(|| bad_internal_call(vm))?;
    if v.buf.is_null() {
        return Err(vm.value_error("PyMemoryView_FromBuffer(): info->buf must not be NULL"));
    }
    let e = describe(v, 0)
        .ok_or_else(|| vm.value_error("memoryview: number of dimensions must not exceed 8"))?;
    memoryview::from_ext(vm, none(), e)
}

/// `PyMemoryView_GetContiguous`.
pub fn get_contiguous(vm: &Vm, base: Obj, buffertype: c_int, order: c_char) -> PyResult<Obj> {
    if buffertype != PYBUF_READ && buffertype != PYBUF_WRITE {
        return Err(bad_internal_call(vm));
    }
    let m = memoryview::new(vm, base)?;
    let v = m
        .downcast::<MemoryViewObj>()
        .ok_or_else(|| vm.memory_error())?;
    if buffertype == PYBUF_WRITE && v.readonly {
        memoryview::release(vm, m);
        return Err(buffer_error(vm, "underlying buffer is not writable"));
    }
    let order = match order as u8 {
        b'F' => b'F',
        b'A' => b'A',
        _ => b'C',
    };
    if v.is_contiguous(order) {
        return Ok(m);
    }
    if buffertype == PYBUF_WRITE {
        memoryview::release(vm, m);
        return Err(buffer_error(
            vm,
            "writable contiguous buffer requested for a non-contiguous object.",
        ));
    }
    memoryview::contiguous_copy(vm, m)
}

/// `CExtensions::get_buffer`: ask `o`'s C type for a buffer; the
/// `Py_buffer` lives in a manual block until `release`.
pub fn c_export(vm: &Vm, o: Obj, flags: u32) -> PyResult<Option<ExtBuffer>> {
    let (Some(_), _) = c_slots(o) else {
        return Ok(None);
    };
    let view = crate::mem::malloc(core::mem::size_of::<PyBuffer>()) as *mut PyBuffer;
    if view.is_null() {
        return Err(vm.memory_error());
    }
    if let Err(e) = get_buffer(vm, o, view, flags as c_int) {
        crate::mem::free(view as *mut c_void);
        return Err(e);
    }
    // SAFETY: filled by the exporter just now.
    let v = unsafe { &*view };
    match describe(v, view as usize) {
        Some(e) => Ok(Some(e)),
        None => {
            c_release(vm, view as usize);
            Err(buffer_error(
                vm,
                "memoryview: number of dimensions must not exceed 8",
            ))
        }
    }
}

/// `CExtensions::release_buffer`.
pub fn c_release(vm: &Vm, handle: usize) {
    let view = handle as *mut PyBuffer;
    release_buffer(vm, view);
    crate::mem::free(view as *mut c_void);
}

/// `CExtensions::has_buffer`.
pub fn c_has_buffer(o: Obj) -> bool {
    c_slots(o).0.is_some()
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_CheckBuffer(o: P) -> c_int {
    api(|vm| Ok(opt(o).is_some_and(|o| memoryview::has_buffer(vm, o))))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetBuffer(o: P, view: *mut PyBuffer, flags: c_int) -> c_int {
    api(|vm| get_buffer(vm, obj(vm, o)?, view, flags))
}
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_Release(view: *mut PyBuffer) {
    api(|vm| {
        release_buffer(vm, view);
        Ok(())
    });
}
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_GetPointer(
    view: *const PyBuffer,
    indices: *const isize,
) -> *mut c_void {
    get_pointer(view, indices)
}
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_SizeFromFormat(format: *const c_char) -> isize {
    api(|vm| size_from_format(vm, format))
}
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_ToContiguous(
    buf: *mut c_void,
    view: *const PyBuffer,
    len: isize,
    order: c_char,
) -> c_int {
    api(|vm| to_contiguous(vm, buf, view, len, order))
}
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_FromContiguous(
    view: *const PyBuffer,
    buf: *const c_void,
    len: isize,
    order: c_char,
) -> c_int {
    api(|vm| from_contiguous(vm, view, buf, len, order))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_CopyData(dest: P, src: P) -> c_int {
    api(|vm| copy_data(vm, obj(vm, dest)?, obj(vm, src)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_IsContiguous(view: *const PyBuffer, order: c_char) -> c_int {
    is_contiguous(view, order) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_FillContiguousStrides(
    ndim: c_int,
    shape: *const isize,
    strides: *mut isize,
    itemsize: c_int,
    order: c_char,
) {
    fill_contiguous_strides(ndim, shape, strides, itemsize, order)
}
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_FillInfo(
    view: *mut PyBuffer,
    o: P,
    buf: *mut c_void,
    len: isize,
    readonly: c_int,
    flags: c_int,
) -> c_int {
    api(|vm| fill_info(vm, view, o, buf, len, readonly, flags))
}
#[no_mangle]
pub unsafe extern "C" fn PyMemoryView_FromObject(o: P) -> P {
    api(|vm| memoryview::new(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyMemoryView_FromMemory(mem: *mut c_char, size: isize, flags: c_int) -> P {
    api(|vm| from_memory(vm, mem, size, flags))
}
#[no_mangle]
pub unsafe extern "C" fn PyMemoryView_FromBuffer(info: *const PyBuffer) -> P {
    api(|vm| from_buffer(vm, info))
}
#[no_mangle]
pub unsafe extern "C" fn PyMemoryView_GetContiguous(
    base: P,
    buffertype: c_int,
    order: c_char,
) -> P {
    api(|vm| get_contiguous(vm, obj(vm, base)?, buffertype, order))
}
