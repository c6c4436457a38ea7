//! What Cython's Limited-API output needs beyond the first slice: type
//! flags and slots, thread-state and GIL handles of the single interpreter,
//! recursion guards and `sys` lookups. The evaluation entry points Cython
//! uses for traceback frames are in `ceval`.
//! Types built from a spec are in `spec`.

use crate::boundary::{api, cbytes, cstr, obj, opt, Borrowed, CPtr, P};
use core::ffi::{c_char, c_int, c_ulong, c_void};
use ferropy_core::obj::{exc, str as pystr, tpflags, typeobj, BinOp, Obj, TypeObj};
use ferropy_core::vm::{abs, PyResult, Vm};

// ------------------------------------------------------------ safe layer

fn type_arg(vm: &Vm, t: P) -> PyResult<&'static TypeObj> {
    obj(vm, t)?
        .as_type()
        .ok_or_else(|| vm.type_error("a type object is required"))
}

// CPython's flag bits (include/object.h).
const CPY_HEAPTYPE: c_ulong = 1 << 9;
const CPY_BASETYPE: c_ulong = 1 << 10;
const CPY_READY: c_ulong = 1 << 12;
const CPY_IS_ABSTRACT: c_ulong = 1 << 20;
const CPY_IMMUTABLETYPE: c_ulong = 1 << 8;
const CPY_HAVE_GC: c_ulong = 1 << 14;

/// `PyType_GetFlags`: the core's flags in CPython's bits, plus the
/// `*_SUBCLASS` fast-check bits of the builtin type the type derives from.
pub fn type_flags(t: &'static TypeObj) -> c_ulong {
    use ferropy_core::obj::{bytes, dict, int, list, str, tuple};
    let mut f = CPY_READY;
    // Heap types (classes and spec types) report Py_TPFLAGS_HAVE_GC, as
    // CPython's classes do: Cython's Limited-API code takes it as the sign
    // of a subclass that may override a `cpdef` method.
    if t.flags & tpflags::HEAPTYPE != 0 {
        f |= CPY_HAVE_GC;
    }
    for (ours, theirs) in [
        (tpflags::HEAPTYPE, CPY_HEAPTYPE),
        (tpflags::BASETYPE, CPY_BASETYPE),
        (tpflags::ABSTRACT, CPY_IS_ABSTRACT),
        (tpflags::IMMUTABLE, CPY_IMMUTABLETYPE),
    ] {
        if t.flags & ours != 0 {
            f |= theirs;
        }
    }
    for (base, bit) in [
        (&int::INT_TYPE, 24),
        (&list::LIST_TYPE, 25),
        (&tuple::TUPLE_TYPE, 26),
        (&bytes::BYTES_TYPE, 27),
        (&str::STR_TYPE, 28),
        (&dict::DICT_TYPE, 29),
        (&exc::BASE_EXCEPTION, 30),
        (&typeobj::TYPE_TYPE, 31),
    ] {
        if t.is_subtype(base) {
            f |= 1 << bit;
        }
    }
    f
}

// Slot ids (include/typeobject.h) answered for every type.
const SLOT_TP_BASE: c_int = 48;
const SLOT_TP_BASES: c_int = 49;
const SLOT_TP_DOC: c_int = 56;

/// `PyType_GetSlot`: the base, bases and doc of any type; a function slot
/// is the C function of a spec type, or a C-callable form of the core's
/// slot for `tp_new`, `tp_init`, `tp_iternext`, `tp_repr`, `tp_alloc`,
/// `tp_free` and `tp_dealloc`, else NULL (which CPython also answers for an
/// unset slot). An invalid id is SystemError.
pub fn type_slot(vm: &Vm, t: &'static TypeObj, slot: c_int) -> PyResult<*mut c_void> {
    match slot {
        SLOT_TP_BASE => Ok(t.base.map_or(core::ptr::null_mut(), |b| {
            b as *const TypeObj as *mut c_void
        })),
        SLOT_TP_BASES => Ok(t
            .bases
            .map_or(core::ptr::null_mut(), |b| b.as_ptr() as *mut c_void)),
        SLOT_TP_DOC if !t.ext.is_null() => {
            Ok(crate::spec::spec_doc(t).unwrap_or(core::ptr::null_mut()))
        }
        SLOT_TP_DOC => Ok(if t.doc.is_empty() {
            core::ptr::null_mut()
        } else {
            t.doc.as_ptr() as *mut c_void
        }),
        1..=81 => Ok(crate::spec::get_slot(t, slot as usize)),
        _ => Err(crate::boundary::bad_internal_call(vm)),
    }
}

/// `PySys_GetObject`: a borrowed attribute of `sys`, NULL without an
/// exception when it is missing.
pub fn sys_get(vm: &Vm, name: &str) -> PyResult<Borrowed> {
    Ok(Borrowed(ferropy_core::modules::sys::sys_attr(vm, name)?))
}

/// `PyObject_GenericGetDict`: the instance `__dict__`.
pub fn generic_get_dict(vm: &Vm, o: Obj) -> PyResult<Obj> {
    match typeobj::instance_dict(vm, o)? {
        Some(d) => Ok(d),
        None => Err(vm.new_error(&exc::ATTRIBUTE_ERROR, "This object has no __dict__")),
    }
}

/// `PyObject_GenericSetDict`: replace the instance `__dict__` with a dict.
pub fn generic_set_dict(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(vm.type_error("cannot delete __dict__"));
    };
    if v.downcast::<ferropy_core::obj::dict::DictObj>().is_none() {
        return Err(vm.type_error(&alloc::format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            v.ty().name()
        )));
    }
    match typeobj::instance_dict_slot(o) {
        Some(slot) => {
            slot.set(Some(v));
            Ok(())
        }
        None => Err(vm.new_error(&exc::ATTRIBUTE_ERROR, "This object has no __dict__")),
    }
}

/// `PyUnicode_DecodeASCII` (strict).
pub fn decode_ascii(vm: &Vm, b: &[u8]) -> PyResult<Obj> {
    if let Some(pos) = b.iter().position(|&c| c >= 0x80) {
        return Err(vm.new_error(
            &exc::UNICODE_DECODE_ERROR,
            &alloc::format!(
                "'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)",
                b[pos], pos
            ),
        ));
    }
    pystr::new(vm, core::str::from_utf8(b).unwrap_or(""))
}

/// `PySequence_Repeat`: `o * count` for sequences only.
pub fn seq_repeat(vm: &Vm, o: Obj, n: isize) -> PyResult<Obj> {
    if !crate::abstract_::is_sequence(o) {
        return Err(vm.type_error(&alloc::format!(
            "'{}' object can't be repeated",
            o.ty().name()
        )));
    }
    let n = ferropy_core::obj::int::new_i64(vm, n as i64)?;
    abs::binary_op(vm, BinOp::Mul, o, n, false)
}

// ------------------------------------------------------------ exports

/// The version of the C API, as `PY_VERSION_HEX` (3.11.0 final).
#[no_mangle]
pub static Py_Version: c_ulong = 0x030B00F0;

#[no_mangle]
pub unsafe extern "C" fn PyType_GetFlags(t: P) -> c_ulong {
    // Not an error-returning function in CPython: a non-type reads as 0.
    match opt(t).and_then(|t| t.as_type()) {
        Some(t) => type_flags(t),
        None => 0,
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyType_GetSlot(t: P, slot: c_int) -> *mut c_void {
    api(|vm| Ok(CPtr(type_slot(vm, type_arg(vm, t)?, slot)?)))
}
#[no_mangle]
pub unsafe extern "C" fn PyType_GetQualName(t: P) -> P {
    api(|vm| abs::getattr_str(vm, type_arg(vm, t)?.as_obj(), "__qualname__"))
}
#[no_mangle]
pub unsafe extern "C" fn PyType_Modified(_t: P) {
    api(|vm| {
        typeobj::invalidate_cache(vm);
        Ok(())
    });
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericGetDict(o: P, _ctx: *mut c_void) -> P {
    api(|vm| generic_get_dict(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericSetDict(o: P, v: P, _ctx: *mut c_void) -> c_int {
    api(|vm| generic_set_dict(vm, obj(vm, o)?, opt(v)))
}
/// Weak references are not tracked for C objects: nothing to clear.
#[no_mangle]
pub unsafe extern "C" fn PyObject_ClearWeakRefs(_o: P) {}
/// The collector finds every object itself: tracking is a no-op.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_Track(_o: *mut c_void) {}
#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_UnTrack(_o: *mut c_void) {}
/// Objects are reclaimed by the collector, not freed by their `tp_dealloc`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_Del(_o: *mut c_void) {}
#[no_mangle]
pub unsafe extern "C" fn _PyObject_GC_New(t: P) -> P {
    api(|vm| typeobj::alloc_instance(vm, type_arg(vm, t)?))
}
#[no_mangle]
pub unsafe extern "C" fn _PyObject_New(t: P) -> P {
    api(|vm| typeobj::alloc_instance(vm, type_arg(vm, t)?))
}

/// The core's evaluator keeps its own depth limit; C recursion through
/// the C API is bounded by it.
#[no_mangle]
pub unsafe extern "C" fn Py_EnterRecursiveCall(_where: *const c_char) -> c_int {
    0
}
#[no_mangle]
pub unsafe extern "C" fn Py_LeaveRecursiveCall() {}

/// One interpreter, one thread: the GIL is always held.
#[no_mangle]
pub unsafe extern "C" fn PyGILState_Ensure() -> c_int {
    1 // PyGILState_UNLOCKED
}
#[no_mangle]
pub unsafe extern "C" fn PyGILState_Release(_state: c_int) {}
/// `PyGILState_Check`: 1, the GIL is always held (there is one thread of
/// Python).
#[no_mangle]
pub unsafe extern "C" fn PyGILState_Check() -> c_int {
    1
}

#[no_mangle]
pub unsafe extern "C" fn PySys_GetObject(name: *const c_char) -> P {
    api(|vm| sys_get(vm, cstr(vm, name)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlaceAdd(a: P, b: P) -> P {
    api(|vm| abs::binary_op(vm, BinOp::Add, obj(vm, a)?, obj(vm, b)?, true))
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_Repeat(o: P, n: isize) -> P {
    api(|vm| seq_repeat(vm, obj(vm, o)?, n))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeASCII(
    s: *const c_char,
    n: isize,
    _errors: *const c_char,
) -> P {
    api(|vm| decode_ascii(vm, cbytes(vm, s, n)?))
}
