//! CPython 3.11's private clock functions (`_PyTime_*`, include/pytime.h),
//! which Cython's `cpython.time` uses: nanosecond counts read from the
//! port's clocks.

use crate::boundary::vm;

/// `_PyTime_t`: nanoseconds.
pub type PyTimeT = i64;

/// Seconds since the epoch as nanoseconds; 0 when the port has no clock.
#[no_mangle]
pub unsafe extern "C" fn _PyTime_GetSystemClock() -> PyTimeT {
    vm().and_then(|vm| vm.port.time())
        .map_or(0, |s| (s * 1e9) as PyTimeT)
}
/// A clock that never goes back, in nanoseconds (the port's microsecond
/// ticks).
#[no_mangle]
pub unsafe extern "C" fn _PyTime_GetMonotonicClock() -> PyTimeT {
    vm().map_or(0, |vm| (vm.port.ticks_us() as PyTimeT).saturating_mul(1000))
}
#[no_mangle]
pub unsafe extern "C" fn _PyTime_GetPerfCounter() -> PyTimeT {
    // SAFETY: no arguments.
    unsafe { _PyTime_GetMonotonicClock() }
}
#[no_mangle]
pub unsafe extern "C" fn _PyTime_AsSecondsDouble(t: PyTimeT) -> f64 {
    t as f64 / 1e9
}
