//! `PyByteArray_*` (declared in include/bytesobject.h).
#![allow(unsafe_code)]

use crate::boundary::{api, cbytes, obj, CPtr, P};
use core::ffi::c_char;
use ferropy_core::obj::{bytearray, Obj};
use ferropy_core::vm::{PyResult, Vm};

fn ba_arg(vm: &Vm, o: Obj) -> PyResult<&'static bytearray::ByteArrayObj> {
    o.downcast::<bytearray::ByteArrayObj>().ok_or_else(|| {
        vm.type_error(&alloc::format!(
            "expected bytearray, {} found",
            o.ty().name()
        ))
    })
}

/// `PyByteArray_FromStringAndSize`: a copy of `n` bytes at `s`, or `n` zero
/// bytes when `s` is NULL.
pub fn from_string_and_size(vm: &Vm, s: *const c_char, n: isize) -> PyResult<Obj> {
    if n < 0 {
        return Err(vm.new_error(
            &ferropy_core::obj::exc::SYSTEM_ERROR,
            "Negative size passed to PyByteArray_FromStringAndSize",
        ));
    }
    if s.is_null() {
        let zeros = alloc::vec![0u8; n as usize];
        return bytearray::new(vm, &zeros);
    }
    bytearray::new(vm, cbytes(vm, s, n)?)
}

/// `PyByteArray_AsString`: the buffer, NUL-terminated (valid until the
/// bytearray is resized).
pub fn as_string(vm: &Vm, o: Obj) -> PyResult<*mut c_char> {
    static EMPTY: [u8; 1] = [0];
    let b = ba_arg(vm, o)?;
    let n = b.len.get();
    if n == 0 {
        return Ok(EMPTY.as_ptr() as *mut c_char);
    }
    if b.cap.get() > n {
        // SAFETY: the block has room for a byte after the contents.
        unsafe { b.data.get().add(n).write(0) };
        return Ok(b.data.get() as *mut c_char);
    }
    // Make room for a terminating NUL after the contents.
    bytearray::splice(vm, o, n, n, &[0])?;
    b.len.set(n);
    Ok(b.data.get() as *mut c_char)
}

#[no_mangle]
pub unsafe extern "C" fn PyByteArray_FromStringAndSize(s: *const c_char, n: isize) -> P {
    api(|vm| from_string_and_size(vm, s, n))
}
#[no_mangle]
pub unsafe extern "C" fn PyByteArray_Size(o: P) -> isize {
    api(|vm| Ok(ba_arg(vm, obj(vm, o)?)?.len.get() as isize))
}
#[no_mangle]
pub unsafe extern "C" fn PyByteArray_AsString(o: P) -> *mut c_char {
    api(|vm| Ok(CPtr(as_string(vm, obj(vm, o)?)?)))
}
