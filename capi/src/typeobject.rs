//! `PyType_Ready` for the static `PyTypeObject`s of classic hand-written
//! extensions.
//!
//! `include/typeobject.h` defines `struct _typeobject` as a head with room
//! for a core `TypeObj` followed by CPython 3.11's `tp_*` fields in
//! CPython's order. `PyType_Ready` reads the `tp_*` fields (and the
//! `tp_as_number`/`sequence`/`mapping`/`async`/`buffer` tables) into a C
//! slot table, builds the core type in the head (the same builder as
//! `PyType_FromSpec`, `spec::build_type`), and fills in what CPython fills
//! (`tp_base`, `tp_dict`, `tp_bases`, `tp_mro`, `tp_alloc`, `tp_free`,
//! `Py_TPFLAGS_READY`). `&MyType` is then both the C struct and the core
//! type object. The slot table is a manual block (a root): the static
//! struct is outside the collector's heap and is not scanned.
//!
//! A Python class deriving from such a type gets a type object as large as
//! the C struct, with the base's `tp_*` fields copied after its core part
//! (`subclass_type_size`), so C code reading `type->tp_alloc` of a subclass
//! works as in CPython.
#![allow(unsafe_code)]

use crate::boundary::{api, bad_internal_call, opt, P};
use crate::spec::{build_type, ctable, CTable, TypeParts};
use core::ffi::{c_char, c_int, c_uint, c_ulong, c_void};
use ferropy_core::gc;
use ferropy_core::obj::{exc, typeobj, Obj, TypeObj, IMMORTAL};
use ferropy_core::vm::{PyResult, Vm};

/// Words of the head (`_FERROPY_TYPE_HEAD_WORDS` in include/typeobject.h).
#[cfg(target_pointer_width = "64")]
pub const HEAD_WORDS: usize = 64;
#[cfg(not(target_pointer_width = "64"))]
pub const HEAD_WORDS: usize = 56;

// The core's type object must fit in the head.
const _: () =
    assert!(core::mem::size_of::<TypeObj>() <= HEAD_WORDS * core::mem::size_of::<usize>());

type Fp = *mut c_void;

/// Mirror of `struct _typeobject` (include/typeobject.h).
#[repr(C)]
pub struct PyTypeObjectC {
    pub head: [usize; HEAD_WORDS],
    pub tp_name: *const c_char,
    pub tp_basicsize: isize,
    pub tp_itemsize: isize,
    pub tp_dealloc: Fp,
    pub tp_vectorcall_offset: isize,
    pub tp_getattr: Fp,
    pub tp_setattr: Fp,
    pub tp_as_async: *const [Fp; 4],
    pub tp_repr: Fp,
    pub tp_as_number: *const [Fp; 36],
    pub tp_as_sequence: *const [Fp; 10],
    pub tp_as_mapping: *const [Fp; 3],
    pub tp_hash: Fp,
    pub tp_call: Fp,
    pub tp_str: Fp,
    pub tp_getattro: Fp,
    pub tp_setattro: Fp,
    pub tp_as_buffer: *const [Fp; 2],
    pub tp_flags: c_ulong,
    pub tp_doc: *const c_char,
    pub tp_traverse: Fp,
    pub tp_clear: Fp,
    pub tp_richcompare: Fp,
    pub tp_weaklistoffset: isize,
    pub tp_iter: Fp,
    pub tp_iternext: Fp,
    pub tp_methods: Fp,
    pub tp_members: Fp,
    pub tp_getset: Fp,
    pub tp_base: P,
    pub tp_dict: P,
    pub tp_descr_get: Fp,
    pub tp_descr_set: Fp,
    pub tp_dictoffset: isize,
    pub tp_init: Fp,
    pub tp_alloc: Fp,
    pub tp_new: Fp,
    pub tp_free: Fp,
    pub tp_is_gc: Fp,
    pub tp_bases: P,
    pub tp_mro: P,
    pub tp_cache: P,
    pub tp_subclasses: P,
    pub tp_weaklist: P,
    pub tp_del: Fp,
    pub tp_version_tag: c_uint,
    pub tp_finalize: Fp,
    pub tp_vectorcall: Fp,
}

/// Slot ids (Py_nb_*) of the `PyNumberMethods` fields, in field order
/// (0: `nb_reserved`).
pub const NB_IDS: [usize; 36] = [
    7, 36, 29, 34, 10, 33, 30, 32, 6, 9, 27, 28, 35, 8, 38, 31, 26, 0, 11, 14, 23, 18, 21, 20, 17,
    22, 15, 25, 19, 12, 37, 16, 24, 13, 75, 76,
];
/// `PySequenceMethods` (0: the `was_sq_*` fields).
pub const SQ_IDS: [usize; 10] = [45, 40, 46, 44, 0, 39, 0, 41, 42, 43];
/// `PyMappingMethods`.
pub const MP_IDS: [usize; 3] = [4, 5, 3];
/// `PyAsyncMethods`.
pub const AM_IDS: [usize; 4] = [77, 78, 79, 81];
/// `PyBufferProcs`.
pub const BF_IDS: [usize; 2] = [1, 2];

// CPython's flag bits.
const CPY_DISALLOW_INSTANTIATION: c_ulong = 1 << 7;
const CPY_IMMUTABLETYPE: c_ulong = 1 << 8;
const CPY_HEAPTYPE: c_ulong = 1 << 9;
const CPY_READY: c_ulong = 1 << 12;
const CPY_READYING: c_ulong = 1 << 13;

/// Objects are reclaimed by the collector: `tp_free`/`tp_dealloc` do
/// nothing.
unsafe extern "C" fn no_free(_o: *mut c_void) {}

/// Is `t` a C type with CPython's `tp_*` fields after its core part (built
/// in place in a classic static struct, or from a spec)?
fn is_static_c(t: &'static TypeObj) -> bool {
    !t.ext.is_null() && ctable(t).is_some_and(|c| c.in_place || c.has_struct)
}

/// Words of the `tp_as_number`/`sequence`/`mapping`/`async`/`buffer`
/// tables stored after a spec type's struct.
const SPEC_TABLE_WORDS: usize = 36 + 10 + 3 + 4 + 2;

/// Bytes of a spec type object: the struct and its tables.
pub const SPEC_TYPE_SIZE: usize =
    core::mem::size_of::<PyTypeObjectC>() + SPEC_TABLE_WORDS * core::mem::size_of::<Fp>();

/// Fill the `tp_*` fields of a type just built from a spec (allocated with
/// `SPEC_TYPE_SIZE` bytes), so that C reading `Py_TYPE(o)->tp_clear` or
/// `type->tp_new` finds what `PyType_GetSlot` gives; the `tp_as_*`
/// tables are stored after the struct.
pub fn fill_spec_struct(t: &'static TypeObj, name: *const c_char) {
    use crate::spec::get_slot;
    // SAFETY: `t` was allocated with SPEC_TYPE_SIZE bytes; the C part after
    // the core head is ours to write, and nothing reads it yet.
    unsafe {
        let c = &mut *c_struct(t);
        let tables = (c as *mut PyTypeObjectC).add(1) as *mut Fp;
        let mut at = 0;
        let mut table = |ids: &[usize]| {
            let p = tables.add(at);
            for (i, id) in ids.iter().enumerate() {
                *p.add(i) = if *id == 0 {
                    core::ptr::null_mut()
                } else {
                    get_slot(t, *id)
                };
            }
            at += ids.len();
            p
        };
        c.tp_as_number = table(&NB_IDS) as *const [Fp; 36];
        c.tp_as_sequence = table(&SQ_IDS) as *const [Fp; 10];
        c.tp_as_mapping = table(&MP_IDS) as *const [Fp; 3];
        c.tp_as_async = table(&AM_IDS) as *const [Fp; 4];
        c.tp_as_buffer = table(&BF_IDS) as *const [Fp; 2];
        c.tp_name = name;
        c.tp_basicsize = t.basicsize as isize;
        c.tp_itemsize = 0;
        c.tp_vectorcall_offset = 0;
        c.tp_flags = crate::cython::type_flags(t);
        c.tp_doc = get_slot(t, 56) as *const c_char;
        c.tp_dealloc = get_slot(t, 52);
        c.tp_getattr = get_slot(t, 57);
        c.tp_setattr = get_slot(t, 68);
        c.tp_repr = get_slot(t, 66);
        c.tp_hash = get_slot(t, 59);
        c.tp_call = get_slot(t, 50);
        c.tp_str = get_slot(t, 70);
        c.tp_getattro = get_slot(t, 58);
        c.tp_setattro = get_slot(t, 69);
        c.tp_traverse = get_slot(t, 71);
        c.tp_clear = get_slot(t, 51);
        c.tp_richcompare = get_slot(t, 67);
        c.tp_weaklistoffset = 0;
        c.tp_iter = get_slot(t, 62);
        c.tp_iternext = get_slot(t, 63);
        c.tp_methods = get_slot(t, 64);
        c.tp_members = get_slot(t, 72);
        c.tp_getset = get_slot(t, 73);
        c.tp_base = t
            .base
            .map_or(core::ptr::null_mut(), |b| b.as_obj().as_ptr());
        c.tp_dict = t.dict.map_or(core::ptr::null_mut(), |d| d.as_ptr());
        c.tp_descr_get = get_slot(t, 54);
        c.tp_descr_set = get_slot(t, 55);
        c.tp_dictoffset = t.dictoffset as isize;
        c.tp_init = get_slot(t, 60);
        c.tp_alloc = get_slot(t, 47);
        c.tp_new = get_slot(t, 65);
        c.tp_free = get_slot(t, 74);
        c.tp_is_gc = get_slot(t, 61);
        c.tp_bases = t.bases.map_or(core::ptr::null_mut(), |d| d.as_ptr());
        c.tp_mro = t.mro.map_or(core::ptr::null_mut(), |d| d.as_ptr());
        c.tp_cache = core::ptr::null_mut();
        c.tp_subclasses = core::ptr::null_mut();
        c.tp_weaklist = core::ptr::null_mut();
        c.tp_del = get_slot(t, 53);
        c.tp_version_tag = 0;
        c.tp_finalize = get_slot(t, 80);
        c.tp_vectorcall = core::ptr::null_mut();
        if c.tp_getattro.is_null() {
            c.tp_getattro = crate::abstract_::PyObject_GenericGetAttr as Fp;
        }
        if c.tp_setattro.is_null() {
            c.tp_setattro = crate::spec::PyObject_GenericSetAttr as Fp;
        }
    }
}

/// The C struct of a type built in place (or of a subclass of one, whose
/// type object has the same size).
fn c_struct(t: &'static TypeObj) -> *mut PyTypeObjectC {
    t as *const TypeObj as *mut PyTypeObjectC
}

/// `PyType_Ready(t)`.
pub fn ready(vm: &Vm, tp: *mut PyTypeObjectC) -> PyResult<()> {
    if tp.is_null() {
        return Err(bad_internal_call(vm));
    }
    // A core type object (types C reaches through `&PyLong_Type` & co.,
    // or a struct already built on): its third word is the core's name
    // pointer, never 0, where an unready C struct has `ob_size` (0).
    // Reading the first words is in bounds for any type object.
    // SAFETY: C passes a type object; its head has at least three words.
    let w = unsafe { core::slice::from_raw_parts(tp as *const usize, 3) };
    if w[2] != 0 {
        return Ok(());
    }
    // SAFETY: an unready static struct of the extension, read only here.
    let ct = unsafe { &*tp };
    if ct.tp_flags & CPY_READY != 0 {
        return Ok(());
    }
    if ct.tp_flags & CPY_READYING != 0 {
        return Err(vm.new_error(&exc::SYSTEM_ERROR, "PyType_Ready: type is being readied"));
    }
    if ct.tp_name.is_null() {
        return Err(vm.new_error(
            &exc::SYSTEM_ERROR,
            "Type does not define the tp_name field.",
        ));
    }
    if ct.tp_itemsize != 0 {
        return Err(vm.new_error(
            &exc::SYSTEM_ERROR,
            "PyType_Ready: variable-size types (tp_itemsize) are not supported by ferropy",
        ));
    }
    if ct.tp_basicsize < 0 {
        return Err(vm.new_error(&exc::SYSTEM_ERROR, "PyType_Ready: negative tp_basicsize"));
    }
    // The base: ready it first when it is another static struct.
    let base = opt(ct.tp_base);
    if !ct.tp_base.is_null() {
        ready(vm, ct.tp_base as *mut PyTypeObjectC)?;
    }
    // SAFETY: writing the READYING flag of the caller's struct.
    unsafe { (*tp).tp_flags |= CPY_READYING };
    let r = build(vm, tp, base);
    // SAFETY: as above.
    unsafe { (*tp).tp_flags &= !CPY_READYING };
    r
}

fn build(vm: &Vm, tp: *mut PyTypeObjectC, base: Option<Obj>) -> PyResult<()> {
    // SAFETY: as in `ready`.
    let ct = unsafe { &*tp };
    // The slot table: a manual block (a root; never freed, like the type).
    let tab_p = vm.alloc_raw(core::mem::size_of::<CTable>(), gc::kind::MANUAL)? as *mut CTable;
    // SAFETY: a fresh zeroed block of CTable's size.
    let tab = unsafe { &mut *tab_p };
    let f = &mut tab.f;
    for (id, v) in [
        (52, ct.tp_dealloc),
        (57, ct.tp_getattr),
        (68, ct.tp_setattr),
        (66, ct.tp_repr),
        (59, ct.tp_hash),
        (50, ct.tp_call),
        (70, ct.tp_str),
        (58, ct.tp_getattro),
        (69, ct.tp_setattro),
        (56, ct.tp_doc as Fp),
        (71, ct.tp_traverse),
        (51, ct.tp_clear),
        (67, ct.tp_richcompare),
        (62, ct.tp_iter),
        (63, ct.tp_iternext),
        (64, ct.tp_methods),
        (72, ct.tp_members),
        (73, ct.tp_getset),
        (54, ct.tp_descr_get),
        (55, ct.tp_descr_set),
        (60, ct.tp_init),
        (47, ct.tp_alloc),
        (65, ct.tp_new),
        (74, ct.tp_free),
        (61, ct.tp_is_gc),
        (53, ct.tp_del),
        (80, ct.tp_finalize),
    ] {
        f[id] = v;
    }
    fill(f, &NB_IDS, ct.tp_as_number);
    fill(f, &SQ_IDS, ct.tp_as_sequence);
    fill(f, &MP_IDS, ct.tp_as_mapping);
    fill(f, &AM_IDS, ct.tp_as_async);
    fill(f, &BF_IDS, ct.tp_as_buffer);
    // Neither ferropy's deallocation nor allocation goes through these.
    for id in [47, 52, 74] {
        f[id] = core::ptr::null_mut();
    }
    let base_t = base.and_then(|b| b.as_type());
    let mut flags = (ct.tp_flags as c_uint) | CPY_IMMUTABLETYPE as c_uint;
    // A static type without tp_new whose base is `object` cannot be
    // instantiated (CPython's rule); other bases lend theirs.
    let object_base = match base_t {
        Some(b) => b.is(&typeobj::OBJECT_TYPE),
        None => true,
    };
    if ct.tp_new.is_null() && object_base {
        flags |= CPY_DISALLOW_INSTANTIATION as c_uint;
    }
    let name = crate::boundary::cstr(vm, ct.tp_name)?;
    let parts = TypeParts {
        name,
        basicsize: ct.tp_basicsize as usize,
        flags,
        bases: base,
        module: None,
        dictoffset: ct.tp_dictoffset.max(0) as usize,
        weaklist: ct.tp_weaklistoffset > 0,
        place: Some(tp as *mut TypeObj),
    };
    let t = build_type(vm, tab_p, parts)?;
    let tt = t.as_type().ok_or_else(|| bad_internal_call(vm))?;
    // SAFETY: the type was just built in the caller's struct; the core part
    // is the head, the C fields after it are the caller's and ours to fill.
    unsafe {
        (*(tp as *mut ferropy_core::obj::ObjHead))
            .refcnt
            .set_mut(IMMORTAL);
        let c = &mut *tp;
        if c.tp_base.is_null() {
            c.tp_base = tt
                .base
                .map_or(core::ptr::null_mut(), |b| b.as_obj().as_ptr());
        }
        c.tp_dict = tt.dict.map_or(core::ptr::null_mut(), |d| d.as_ptr());
        c.tp_bases = tt.bases.map_or(core::ptr::null_mut(), |d| d.as_ptr());
        c.tp_mro = tt.mro.map_or(core::ptr::null_mut(), |d| d.as_ptr());
        // A static base's functions fill the C fields left NULL (CPython's
        // slot inheritance, as C code sees it; the core dispatches through
        // the slot table, which inherits them already).
        if let Some(b) = tt.base.filter(|b| is_static_c(b)) {
            inherit_c_fields(c, &*c_struct(b));
        }
        if c.tp_alloc.is_null() {
            c.tp_alloc = crate::spec::PyType_GenericAlloc as Fp;
        }
        if c.tp_free.is_null() {
            c.tp_free = no_free as Fp;
        }
        if c.tp_dealloc.is_null() {
            c.tp_dealloc = no_free as Fp;
        }
        if c.tp_getattro.is_null() {
            c.tp_getattro = crate::abstract_::PyObject_GenericGetAttr as Fp;
        }
        if c.tp_setattro.is_null() {
            c.tp_setattro = crate::spec::PyObject_GenericSetAttr as Fp;
        }
        c.tp_flags |= CPY_READY;
    }
    Ok(())
}

/// Copy the base's function fields into those `c` leaves NULL.
fn inherit_c_fields(c: &mut PyTypeObjectC, b: &PyTypeObjectC) {
    macro_rules! inherit {
        ($($f:ident),*) => {$(
            if c.$f.is_null() {
                c.$f = b.$f;
            }
        )*};
    }
    inherit!(
        tp_dealloc,
        tp_repr,
        tp_hash,
        tp_call,
        tp_str,
        tp_getattro,
        tp_setattro,
        tp_richcompare,
        tp_iter,
        tp_iternext,
        tp_descr_get,
        tp_descr_set,
        tp_init,
        tp_alloc,
        tp_new,
        tp_free,
        tp_as_async,
        tp_as_number,
        tp_as_sequence,
        tp_as_mapping,
        tp_as_buffer
    );
}

/// Copy the functions of a `tp_as_*` table (NULL: none) to their slot ids.
fn fill<const N: usize>(f: &mut [Fp], ids: &[usize; N], tab: *const [Fp; N]) {
    // SAFETY: C points at its static table of this struct type, or NULL.
    let Some(tab) = (unsafe { tab.as_ref() }) else {
        return;
    };
    for (id, v) in ids.iter().zip(tab.iter()) {
        if *id != 0 && !v.is_null() {
            f[*id] = *v;
        }
    }
}

/// See `CExtensions::subclass_type_size`.
pub fn subclass_type_size(base: &'static TypeObj) -> usize {
    if is_static_c(base) {
        core::mem::size_of::<PyTypeObjectC>()
    } else {
        0
    }
}

/// Copy `base`'s C fields into the new class `new` (allocated with
/// `subclass_type_size` bytes) and point them at the class's own parts.
pub fn init_subclass_type(_vm: &Vm, base: &'static TypeObj, new: Obj) {
    let Some(nt) = new.as_type() else { return };
    if !is_static_c(base) {
        return;
    }
    let off = HEAD_WORDS * core::mem::size_of::<usize>();
    let len = core::mem::size_of::<PyTypeObjectC>() - off;
    // SAFETY: `base` is a readied static struct and `new` a fresh type
    // object of `size_of::<PyTypeObjectC>()` bytes (subclass_type_size).
    unsafe {
        let src = (c_struct(base) as *const u8).add(off);
        let dst = (new.as_ptr() as *mut u8).add(off);
        core::ptr::copy_nonoverlapping(src, dst, len);
        let c = &mut *c_struct(nt);
        c.tp_base = base.as_obj().as_ptr();
        c.tp_dict = nt.dict.map_or(core::ptr::null_mut(), |d| d.as_ptr());
        c.tp_bases = core::ptr::null_mut();
        c.tp_mro = core::ptr::null_mut();
        c.tp_basicsize = nt.basicsize as isize;
        c.tp_dictoffset = nt.dictoffset as isize;
        c.tp_flags |= CPY_HEAPTYPE;
        // A class's `tp_name` is its short name (str data is NUL-terminated).
        if let Some(n) = nt.name_obj.and_then(ferropy_core::obj::str::as_str) {
            c.tp_name = n.as_ptr() as *const c_char;
        }
    }
}

// ------------------------------------------------------------ exports

#[no_mangle]
pub unsafe extern "C" fn PyType_Ready(t: *mut PyTypeObjectC) -> c_int {
    api(|vm| ready(vm, t))
}
