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
