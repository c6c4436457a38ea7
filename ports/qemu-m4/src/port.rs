//! The board's `Port`: UART0 for stdin/stdout/stderr, SysTick for clocks,
//! the 16 KB stack region for the recursion check, semihosting for exit and
//! the time of day.

use crate::uart;
use alloc::vec::Vec;
use core::cell::{Cell, RefCell};
use core::sync::atomic::{AtomicU32, Ordering};
use ferropy_core::port::Port;

/// Core clock of mps2-an386 (QEMU models 25 MHz).
pub const CPU_HZ: u32 = 25_000_000;

/// Milliseconds since start-up (SysTick interrupt).
pub static MILLIS: AtomicU32 = AtomicU32::new(0);
/// Seconds since the Unix epoch at start-up, from the host (semihosting
/// SYS_TIME; the emulated board has no real-time clock).
static BOOT_SECS: AtomicU32 = AtomicU32::new(0);

/// Read the host's clock once (call at start-up).
pub fn init_clock() {
    // SAFETY: SYS_TIME takes no parameter block and only returns a value;
    // QEMU runs with semihosting enabled (see .cargo/config.toml).
    let secs = unsafe { cortex_m_semihosting::syscall!(TIME) };
    BOOT_SECS.store(secs as u32, Ordering::Relaxed);
}

/// High word of the millisecond counter (bumped when MILLIS wraps).
static MILLIS_HI: AtomicU32 = AtomicU32::new(0);

/// How output is sent while the raw REPL runs a program.
pub struct BoardPort {
    /// Raw REPL: stderr is kept here and sent after the program's stdout
    /// (the protocol's error section); `None` sends it straight out.
    stderr: RefCell<Option<Vec<u8>>>,
    /// Raw REPL: stdin reads see end of file (the UART carries the protocol).
    stdin_eof: Cell<bool>,
}

// SAFETY: the interpreter runs on one thread; interrupt handlers never touch
// the port.
unsafe impl Sync for BoardPort {}

pub static PORT: BoardPort = BoardPort {
    stderr: RefCell::new(None),
    stdin_eof: Cell::new(false),
};

/// At most this much stderr is kept for the raw REPL's error section.
const STDERR_CAP: usize = 4096;

impl BoardPort {
    /// Start or stop raw-REPL mode for stdin/stderr.
    pub fn set_raw(&self, raw: bool) {
        *self.stderr.borrow_mut() = if raw { Some(Vec::new()) } else { None };
        self.stdin_eof.set(raw);
    }
    /// Take the stderr text kept since the last call (raw mode).
    pub fn take_stderr(&self) -> Vec<u8> {
        match self.stderr.borrow_mut().as_mut() {
            Some(v) => core::mem::take(v),
            None => Vec::new(),
        }
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

/// Called from the SysTick handler once per millisecond.
pub fn tick() {
    let v = MILLIS.load(Ordering::Relaxed).wrapping_add(1);
    MILLIS.store(v, Ordering::Release);
    if v == 0 {
        MILLIS_HI.fetch_add(1, Ordering::Release);
    }
}

impl Port for BoardPort {
    fn write_out(&self, b: &[u8]) {
        uart::write_cooked(b);
    }
    fn write_err(&self, b: &[u8]) {
        if let Ok(mut kept) = self.stderr.try_borrow_mut() {
            if let Some(v) = kept.as_mut() {
                let room = STDERR_CAP.saturating_sub(v.len()).min(b.len());
                v.extend_from_slice(&b[..room]);
                return;
            }
        }
        uart::write_cooked(b);
    }
    fn read_line(&self, buf: &mut Vec<u8>) -> Option<()> {
        if self.stdin_eof.get() {
            return None;
        }
        crate::repl::read_line_echo(buf)
    }
    fn ticks_ms(&self) -> u64 {
        millis()
    }
    fn ticks_us(&self) -> u64 {
        // Milliseconds plus the SysTick count within the current one.
        loop {
            let ms = millis();
            let cur = cortex_m::peripheral::SYST::get_current();
            if millis() == ms {
                let reload = CPU_HZ / 1000;
                let within = (reload.saturating_sub(cur)) as u64 * 1000 / reload as u64;
                return ms * 1000 + within;
            }
        }
    }
    fn time(&self) -> Option<f64> {
        let boot = BOOT_SECS.load(Ordering::Relaxed);
        if boot == 0 {
            return None;
        }
        Some(boot as f64 + millis() as f64 / 1000.0)
    }
    fn sleep_ms(&self, ms: u64) {
        let end = millis().saturating_add(ms);
        while millis() < end {
            if ferropy_core::vm::eval::INTERRUPT.load(Ordering::Relaxed) {
                break;
            }
            cortex_m::asm::wfi();
        }
    }
    fn stack_limit(&self, _sp: usize) -> usize {
        crate::stack_bottom()
    }
    fn platform(&self) -> &'static str {
        "qemu-m4"
    }
    fn exit(&self, code: i32) {
        crate::exit(code);
    }
}
