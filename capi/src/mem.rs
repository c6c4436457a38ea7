//! `PyMem_*` and `PyObject_Malloc`: manual blocks of the collector's heap.
//! A manual block is never collected and is scanned as a root, so objects a
//! C struct in it points to stay alive; only `PyMem_Free` releases it.

use core::ffi::c_void;
use ferropy_core::gc;

/// Allocate `n` zeroed bytes of manual memory (NULL when the heap is full;
/// no exception is set, as CPython's allocators).
pub fn malloc(n: usize) -> *mut c_void {
    let n = n.max(1);
    let kind = gc::kind::MANUAL;
    if let Some(vm) = crate::boundary::vm() {
        if gc::wants_collect(n) {
            vm.collect();
        }
        if let Some(p) = gc::alloc(n, kind) {
            return p as *mut c_void;
        }
        vm.collect();
    }
    gc::alloc(n, kind)
        .map(|p| p as *mut c_void)
        .unwrap_or(core::ptr::null_mut())
}

pub fn calloc(count: usize, size: usize) -> *mut c_void {
    match count.checked_mul(size) {
        Some(n) => malloc(n),
        None => core::ptr::null_mut(),
    }
}

pub fn realloc(p: *mut c_void, n: usize) -> *mut c_void {
    if p.is_null() {
        return malloc(n);
    }
    gc::realloc(p as *mut u8, n.max(1), gc::kind::MANUAL)
        .map(|p| p as *mut c_void)
        .unwrap_or(core::ptr::null_mut())
}

pub fn free(p: *mut c_void) {
    if !p.is_null() && gc::is_heap_ptr(p as *const u8) {
        gc::free(p as *mut u8);
    }
}

macro_rules! allocators {
    ($($m:ident, $c:ident, $r:ident, $f:ident;)*) => {$(
        #[no_mangle]
        pub unsafe extern "C" fn $m(n: usize) -> *mut c_void {
            malloc(n)
        }
        #[no_mangle]
        pub unsafe extern "C" fn $c(count: usize, size: usize) -> *mut c_void {
            calloc(count, size)
        }
        #[no_mangle]
        pub unsafe extern "C" fn $r(p: *mut c_void, n: usize) -> *mut c_void {
            realloc(p, n)
        }
        #[no_mangle]
        pub unsafe extern "C" fn $f(p: *mut c_void) {
            free(p)
        }
    )*};
}
allocators! {
    PyMem_Malloc, PyMem_Calloc, PyMem_Realloc, PyMem_Free;
    PyMem_RawMalloc, PyMem_RawCalloc, PyMem_RawRealloc, PyMem_RawFree;
    PyObject_Malloc, PyObject_Calloc, PyObject_Realloc, PyObject_Free;
}
