//! `objimpl.h` functions not covered by `mem` and `cython`:
//! `PyObject_Init` and `PyObject_IS_GC`.
#![allow(unsafe_code)]

use crate::boundary::{api, bad_internal_call, obj, P};
use core::ffi::c_int;
use ferropy_core::obj::{Layout, ObjHead, TypeObj};

/// `PyObject_Init(op, type)`: set the header of memory C allocated
/// (`PyObject_Malloc`) and return `op`, one reference owned by the caller.
/// Such an object lives in a manual block: it is never collected, only
/// freed by `PyObject_Free`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Init(op: P, t: P) -> P {
    api(|vm| {
        let t = obj(vm, t)?.as_type().ok_or_else(|| bad_internal_call(vm))?;
        if op.is_null() {
            return Err(vm.memory_error());
        }
        // SAFETY: C passes memory of at least the type's basic size.
        unsafe {
            let h = op as *mut ObjHead;
            (*h).ty = t as *const TypeObj;
            (*h).refcnt.set_mut(1);
        }
        Ok(crate::boundary::CPtr(op))
    })
}

/// `PyObject_IS_GC`: 1 for objects that can refer to others (what CPython's
/// cycle collector tracks), 0 for atomic values.
#[no_mangle]
pub unsafe extern "C" fn PyObject_IS_GC(o: P) -> c_int {
    api(|vm| {
        let o = obj(vm, o)?;
        Ok(!matches!(
            o.layout(),
            Layout::NoneType
                | Layout::Bool
                | Layout::Int
                | Layout::Float
                | Layout::Complex
                | Layout::Str
                | Layout::Bytes
        ) && !o.is_small())
    })
}
