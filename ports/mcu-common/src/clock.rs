//! The millisecond clock: SysTick interrupts at 1 kHz count milliseconds
//! (`tick`), the SysTick counter gives the fraction of the current one.

use core::sync::atomic::{AtomicU32, Ordering};

/// Milliseconds since start-up (low word).
static MILLIS: AtomicU32 = AtomicU32::new(0);
/// High word of the millisecond counter (bumped when MILLIS wraps).
static MILLIS_HI: AtomicU32 = AtomicU32::new(0);

/// Start SysTick: an interrupt every millisecond at `cpu_hz`. Call once at
/// start-up; the firmware's SysTick handler must call [`tick`].
pub fn start_systick(cpu_hz: u32) {
    // SAFETY: called once at start-up, before anything else uses SysTick;
    // only the SYST peripheral of the stolen set is touched.
    let mut cp = unsafe { cortex_m::Peripherals::steal() };
    cp.SYST
        .set_clock_source(cortex_m::peripheral::syst::SystClkSource::Core);
    cp.SYST.set_reload(cpu_hz / 1000 - 1);
    cp.SYST.clear_current();
    cp.SYST.enable_interrupt();
    cp.SYST.enable_counter();
}

/// Called from the SysTick handler once per millisecond.
pub fn tick() {
    let v = MILLIS.load(Ordering::Relaxed).wrapping_add(1);
    MILLIS.store(v, Ordering::Release);
    if v == 0 {
        MILLIS_HI.fetch_add(1, Ordering::Release);
    }
}

/// Milliseconds since start-up, 64-bit.
pub fn millis() -> u64 {
    loop {
        let hi = MILLIS_HI.load(Ordering::Acquire);
        let lo = MILLIS.load(Ordering::Acquire);
        if MILLIS_HI.load(Ordering::Acquire) == hi {
            return ((hi as u64) << 32) | lo as u64;
        }
    }
}

/// Microseconds since start-up: milliseconds plus the SysTick count within
/// the current one.
pub fn micros(cpu_hz: u32) -> u64 {
    loop {
        let ms = millis();
        let cur = cortex_m::peripheral::SYST::get_current();
        if millis() == ms {
            let reload = cpu_hz / 1000;
            let within = (reload.saturating_sub(cur)) as u64 * 1000 / reload as u64;
            return ms * 1000 + within;
        }
    }
}
