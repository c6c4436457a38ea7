//! The boundary between C and the core: the VM that C reaches, the one
//! helper that turns a core `PyResult` into the C error convention, and the
//! conversions of pointers crossing in either direction.
//!
//! # Rules at the boundary
//! - Every `PyObject*` C passes in is a live object or NULL ([`obj`] turns
//!   NULL into SystemError). A boxed int coming back is made an immediate
//!   again ([`int::unboxed`]), so the core only sees its canonical form.
//! - Every value handed out is a real pointer: small ints are boxed
//!   ([`int::boxed`]). A *new* reference is pinned (`ob_refcnt + 1`), and the
//!   caller's `Py_DECREF` unpins it; a *borrowed* one is not pinned and lives
//!   as long as what holds it (containers box in place).
//! - A stolen reference is stored, then unpinned ([`steal`]).
#![allow(unsafe_code)]

use core::ffi::{c_char, c_int};
use core::sync::atomic::{AtomicPtr, Ordering};
use ferropy_core::obj::{exc, int, Obj, ObjHead};
use ferropy_core::vm::{PyResult, Vm};

/// C's `PyObject`: the core's object header.
pub type PyObject = ObjHead;
/// C's `PyObject*`.
pub type P = *mut PyObject;

static VM: AtomicPtr<Vm> = AtomicPtr::new(core::ptr::null_mut());

/// Make `vm` the interpreter C code talks to, and let its import system
/// load C extensions. The VM must stay alive (and at this address) until
/// [`uninstall`] or the end of the process.
pub fn install(vm: &Vm) {
    VM.store(vm as *const Vm as *mut Vm, Ordering::Release);
    vm.cext.set(Some(&crate::module::CEXT));
}

/// Forget the installed VM.
pub fn uninstall() {
    VM.store(core::ptr::null_mut(), Ordering::Release);
    // Objects of the VM's heap must not outlive it (a firmware's soft reset
    // makes a new heap).
    crate::pystate::forget();
}

/// The installed VM, if any.
pub fn vm() -> Option<&'static Vm> {
    let p = VM.load(Ordering::Acquire);
    // SAFETY: `install` stored a VM that outlives every C call (its contract).
    unsafe { p.as_ref() }
}

/// A Rust value that has a C form: how it is returned and what C gets on
/// error.
pub trait CRet {
    type C;
    /// The C error value (NULL, -1, ...).
    const ERR: Self::C;
    fn into_c(self, vm: &Vm) -> PyResult<Self::C>;
}

/// Run `f` against the installed VM and convert its result for C: `Ok`
/// becomes the C value, `Err` (exception set in the VM) the error value.
/// Every exported function is one call of this.
#[inline]
pub fn api<T: CRet>(f: impl FnOnce(&Vm) -> PyResult<T>) -> T::C {
    let Some(vm) = vm() else {
        return T::ERR;
    };
    match f(vm).and_then(|v| v.into_c(vm)) {
        Ok(c) => c,
        Err(_) => T::ERR,
    }
}

/// A new reference: boxed and pinned.
impl CRet for Obj {
    type C = P;
    const ERR: P = core::ptr::null_mut();
    fn into_c(self, vm: &Vm) -> PyResult<P> {
        let b = int::boxed(vm, self)?;
        b.pin();
        Ok(b.as_ptr())
    }
}

/// `Some` is a new reference; `None` is NULL *without* an exception
/// (`PyIter_Next` at the end, `PyDict_GetItem` of a missing key).
impl CRet for Option<Obj> {
    type C = P;
    const ERR: P = core::ptr::null_mut();
    fn into_c(self, vm: &Vm) -> PyResult<P> {
        match self {
            Some(o) => o.into_c(vm),
            None => Ok(core::ptr::null_mut()),
        }
    }
}

/// A borrowed reference (already boxed by whoever made it).
pub struct Borrowed(pub Option<Obj>);
impl CRet for Borrowed {
    type C = P;
    const ERR: P = core::ptr::null_mut();
    fn into_c(self, vm: &Vm) -> PyResult<P> {
        match self.0 {
            Some(o) => Ok(int::boxed(vm, o)?.as_ptr()),
            None => Ok(core::ptr::null_mut()),
        }
    }
}

/// Status: 0 on success, -1 on error.
impl CRet for () {
    type C = c_int;
    const ERR: c_int = -1;
    fn into_c(self, _: &Vm) -> PyResult<c_int> {
        Ok(0)
    }
}

/// Truth: 1 or 0, -1 on error.
impl CRet for bool {
    type C = c_int;
    const ERR: c_int = -1;
    fn into_c(self, _: &Vm) -> PyResult<c_int> {
        Ok(self as c_int)
    }
}

macro_rules! num_ret {
    ($($t:ty = $err:expr),*) => {$(
        impl CRet for $t {
            type C = $t;
            const ERR: $t = $err;
            fn into_c(self, _: &Vm) -> PyResult<$t> {
                Ok(self)
            }
        }
    )*};
}
num_ret!(
    i32 = -1,
    i64 = -1,
    isize = -1,
    u32 = u32::MAX,
    u64 = u64::MAX,
    usize = usize::MAX,
    f64 = -1.0
);

/// A raw pointer result; NULL on error.
pub struct CPtr<T>(pub *mut T);
impl<T> CRet for CPtr<T> {
    type C = *mut T;
    const ERR: *mut T = core::ptr::null_mut();
    fn into_c(self, _: &Vm) -> PyResult<*mut T> {
        Ok(self.0)
    }
}

// ---------------------------------------------------------------- inputs

/// `p` as a core value (NULL: SystemError, as CPython's
/// `PyErr_BadInternalCall`). C's contract: a non-NULL `PyObject*` is a live
/// object.
#[inline]
pub fn obj(vm: &Vm, p: P) -> PyResult<Obj> {
    match opt(p) {
        Some(o) => Ok(o),
        None => Err(bad_internal_call(vm)),
    }
}

/// `p` as a core value, `None` for NULL.
#[inline]
pub fn opt(p: P) -> Option<Obj> {
    // SAFETY: C passes live objects or NULL (the C API's contract).
    unsafe { Obj::from_raw(p as usize) }.map(int::unboxed)
}

/// `SystemError: bad argument to internal function`.
#[cold]
pub fn bad_internal_call(vm: &Vm) -> ferropy_core::vm::Raised {
    vm.new_error(&exc::SYSTEM_ERROR, "bad argument to internal function")
}

/// A NUL-terminated UTF-8 C string (NULL: SystemError; bad UTF-8:
/// UnicodeDecodeError). Valid for the duration of the C call.
pub fn cstr<'a>(vm: &Vm, p: *const c_char) -> PyResult<&'a str> {
    if p.is_null() {
        return Err(bad_internal_call(vm));
    }
    // SAFETY: C passes a NUL-terminated string that outlives the call.
    let bytes = unsafe { core::ffi::CStr::from_ptr(p) }.to_bytes();
    utf8(vm, bytes)
}

/// `n` bytes at `p` (NULL with n > 0, or n < 0: SystemError).
pub fn cbytes<'a>(vm: &Vm, p: *const c_char, n: isize) -> PyResult<&'a [u8]> {
    if n < 0 {
        return Err(vm.new_error(
            &exc::SYSTEM_ERROR,
            "Negative size passed to a C API function",
        ));
    }
    if n == 0 {
        return Ok(&[]);
    }
    if p.is_null() {
        return Err(bad_internal_call(vm));
    }
    // SAFETY: C passes `n` readable bytes at `p` that outlive the call.
    Ok(unsafe { core::slice::from_raw_parts(p as *const u8, n as usize) })
}

/// Strict UTF-8 decoding with CPython's error message.
pub fn utf8<'a>(vm: &Vm, b: &'a [u8]) -> PyResult<&'a str> {
    core::str::from_utf8(b).map_err(|e| {
        let pos = e.valid_up_to();
        vm.new_error(
            &exc::UNICODE_DECODE_ERROR,
            &alloc::format!(
                "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                b.get(pos).copied().unwrap_or(0),
                pos
            ),
        )
    })
}

/// Take over a reference C gave away (a stolen argument, a returned new
/// reference): unpin it and return the canonical value.
#[inline]
pub fn steal(p: P) -> Option<Obj> {
    // SAFETY: as in `opt`.
    let o = unsafe { Obj::from_raw(p as usize) }?;
    o.unpin();
    Some(int::unboxed(o))
}

/// Store `v` through an out-pointer if it is not NULL.
#[inline]
pub fn write_out<T>(dst: *mut T, v: T) {
    if !dst.is_null() {
        // SAFETY: C passes a writable out-pointer or NULL.
        unsafe { dst.write(v) }
    }
}

/// Pin the object C holds at `p` (`o` is its canonical value, ignored when
/// `p` is a boxed int: the box itself is pinned).
#[inline]
pub fn pin_raw(_o: Obj, p: P) {
    // SAFETY: C passes a live object pointer.
    if let Some(b) = unsafe { Obj::from_raw(p as usize) } {
        b.pin();
    }
}
