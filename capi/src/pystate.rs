//! `pystate.h`: the interpreter and thread states. ferropy has one
//! interpreter (ID 0) running Python on one thread; their states are
//! opaque non-NULL handles, and releasing the GIL (`PyEval_SaveThread`)
//! changes nothing.

use crate::boundary::{api, Borrowed, P};
use core::ffi::c_void;
use core::sync::atomic::{AtomicPtr, Ordering};
use ferropy_core::obj::{dict, Obj};
use ferropy_core::vm::{PyResult, Vm};

/// The handles' targets (never read or written through).
static INTERP: u8 = 0;
static TSTATE: u8 = 0;

/// The thread-state dict (`PyThreadState_GetDict`), pinned once made.
static TS_DICT: AtomicPtr<c_void> = AtomicPtr::new(core::ptr::null_mut());

/// `PyThreadState_GetDict`: a dict for extensions to keep per-thread data
/// in (one thread: one dict), made on first use.
pub fn thread_state_dict(vm: &Vm) -> PyResult<Obj> {
    let p = TS_DICT.load(Ordering::Acquire);
    // SAFETY: a dict we made and pinned below (pinned objects stay alive).
    if let Some(d) = unsafe { Obj::from_raw(p as usize) } {
        return Ok(d);
    }
    let d = dict::new(vm)?;
    d.pin();
    TS_DICT.store(d.as_ptr() as *mut c_void, Ordering::Release);
    Ok(d)
}

/// Drop the thread-state dict: the VM it belongs to is being detached
/// (`Py_FinalizeEx`) or replaced (a firmware's soft reset makes a new heap).
/// Called while its heap is still the current one.
pub(crate) fn forget() {
    let p = TS_DICT.swap(core::ptr::null_mut(), Ordering::AcqRel);
    // SAFETY: a dict made and pinned by `thread_state_dict`, still alive
    // (pinned) in the current heap.
    if let Some(d) = unsafe { Obj::from_raw(p as usize) } {
        d.unpin();
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyInterpreterState_Get() -> *mut c_void {
    &INTERP as *const u8 as *mut c_void
}
/// The main interpreter's ID, 0.
#[no_mangle]
pub unsafe extern "C" fn PyInterpreterState_GetID(_interp: *mut c_void) -> i64 {
    0
}
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_Get() -> *mut c_void {
    &TSTATE as *const u8 as *mut c_void
}
/// Borrowed; NULL (no exception) when no interpreter is installed.
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_GetDict() -> P {
    let Some(vm) = crate::boundary::vm() else {
        return core::ptr::null_mut();
    };
    let r = api(|vm| Ok(Borrowed(Some(thread_state_dict(vm)?))));
    if r.is_null() {
        // CPython's contract: NULL without an exception set.
        vm.take_exc();
    }
    r
}
#[no_mangle]
pub unsafe extern "C" fn PyEval_SaveThread() -> *mut c_void {
    &TSTATE as *const u8 as *mut c_void
}
#[no_mangle]
pub unsafe extern "C" fn PyEval_RestoreThread(_tstate: *mut c_void) {}
