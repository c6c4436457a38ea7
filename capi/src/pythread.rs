//! `pythread.h`: locks and thread identity. ferropy runs Python on one
//! thread, but C code may use these locks from threads of its own, so a
//! lock is a real (spinning) lock: an atomic flag in a manual block.
#![allow(unsafe_code)]

use core::ffi::{c_int, c_ulong, c_void};
use core::sync::atomic::{AtomicBool, Ordering};

/// `WAIT_LOCK` (include/pythread.h).
const WAIT_LOCK: c_int = 1;

fn flag<'a>(lock: *mut c_void) -> Option<&'a AtomicBool> {
    // SAFETY: C passes a lock from PyThread_allocate_lock (an AtomicBool
    // in a manual block that lives until PyThread_free_lock) or NULL.
    unsafe { (lock as *const AtomicBool).as_ref() }
}

/// `PyThread_allocate_lock`: a new unlocked lock, NULL when out of memory.
#[no_mangle]
pub unsafe extern "C" fn PyThread_allocate_lock() -> *mut c_void {
    let p = crate::mem::malloc(core::mem::size_of::<AtomicBool>());
    if !p.is_null() {
        // SAFETY: fresh block, large and aligned enough for an AtomicBool.
        unsafe { (p as *mut AtomicBool).write(AtomicBool::new(false)) };
    }
    p
}
#[no_mangle]
pub unsafe extern "C" fn PyThread_free_lock(lock: *mut c_void) {
    if !lock.is_null() {
        crate::mem::free(lock);
    }
}
/// 1 when acquired, 0 when not (`NOWAIT_LOCK` on a held lock). With
/// `WAIT_LOCK` it waits until another thread releases the lock (on the one
/// Python thread, re-acquiring a held lock deadlocks, as in CPython).
#[no_mangle]
pub unsafe extern "C" fn PyThread_acquire_lock(lock: *mut c_void, waitflag: c_int) -> c_int {
    let Some(f) = flag(lock) else { return 0 };
    loop {
        if f.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_ok()
        {
            return 1;
        }
        if waitflag != WAIT_LOCK {
            return 0;
        }
        #[cfg(not(target_os = "none"))]
        std::thread::yield_now();
        #[cfg(target_os = "none")]
        core::hint::spin_loop();
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyThread_release_lock(lock: *mut c_void) {
    if let Some(f) = flag(lock) {
        f.store(false, Ordering::Release);
    }
}

#[cfg(not(target_os = "none"))]
std::thread_local! {
    static IDENT: u8 = const { 0 };
}

/// A non-zero number identifying the calling thread.
#[no_mangle]
pub unsafe extern "C" fn PyThread_get_thread_ident() -> c_ulong {
    #[cfg(not(target_os = "none"))]
    {
        IDENT.with(|x| x as *const u8 as usize as c_ulong)
    }
    #[cfg(target_os = "none")]
    {
        1
    }
}

/// Mirror of `Py_tss_t` (include/pythread.h). Python runs on one thread,
/// so a key holds a single value (C threads of an extension share it).
#[repr(C)]
pub struct PyTss {
    pub is_initialized: c_int,
    pub value: *mut c_void,
}

fn tss<'a>(key: *mut PyTss) -> Option<&'a mut PyTss> {
    // SAFETY: C passes a `Py_tss_t` (static, `Py_tss_NEEDS_INIT`, or from
    // PyThread_tss_alloc) or NULL.
    unsafe { key.as_mut() }
}

/// A new key in the "needs init" state; NULL when out of memory.
#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_alloc() -> *mut PyTss {
    let p = crate::mem::malloc(core::mem::size_of::<PyTss>()) as *mut PyTss;
    if !p.is_null() {
        // SAFETY: fresh block, large and aligned enough for a PyTss.
        unsafe {
            p.write(PyTss {
                is_initialized: 0,
                value: core::ptr::null_mut(),
            })
        };
    }
    p
}
/// Deletes the key and frees a key from `PyThread_tss_alloc`.
#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_free(key: *mut PyTss) {
    if !key.is_null() {
        // SAFETY: as the caller's.
        unsafe { PyThread_tss_delete(key) };
        crate::mem::free(key as *mut c_void);
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_is_created(key: *mut PyTss) -> c_int {
    tss(key).map_or(0, |k| (k.is_initialized != 0) as c_int)
}
/// 0 (also for a key created before), -1 for NULL.
#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_create(key: *mut PyTss) -> c_int {
    match tss(key) {
        Some(k) => {
            if k.is_initialized == 0 {
                k.value = core::ptr::null_mut();
                k.is_initialized = 1;
            }
            0
        }
        None => -1,
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_delete(key: *mut PyTss) {
    if let Some(k) = tss(key) {
        k.is_initialized = 0;
        k.value = core::ptr::null_mut();
    }
}
/// 0, or -1 when the key was not created.
#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_set(key: *mut PyTss, value: *mut c_void) -> c_int {
    match tss(key) {
        Some(k) if k.is_initialized != 0 => {
            k.value = value;
            0
        }
        _ => -1,
    }
}
/// The stored value; NULL when none was set or the key was not created.
#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_get(key: *mut PyTss) -> *mut c_void {
    match tss(key) {
        Some(k) if k.is_initialized != 0 => k.value,
        _ => core::ptr::null_mut(),
    }
}
