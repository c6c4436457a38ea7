//! ferropy firmware for QEMU's Cortex-M4 board `mps2-an386`, with the memory
//! of an Adafruit Metro M4 (512 KB flash, 192 KB RAM, see `memory.x`).
//!
//! RAM: the bottom 16 KB is the native stack (an overflow faults at the
//! start of RAM instead of corrupting data); then `.data`/`.bss`; then the GC
//! heap: all the RAM that is left (`__sheap` to `_ferropy_heap_end`, from the
//! linker; not zeroed at reset, the collector zeroes what it hands out).
//! Rust's own allocations (the compiler's AST, `Vec`s, `String`s) are manual
//! blocks of that heap.
//!
//! UART0 carries a MicroPython-style REPL (friendly and raw). Everything but
//! the UART, the exit through semihosting and the clock rate is shared with
//! the Metro M4 firmware in `ports/mcu-common` (REPL, heap, allocator,
//! port, panic handler). A soft reset (Ctrl-D) rebuilds the heap and the VM.
#![no_std]
#![no_main]

mod pins;
mod uart;

use core::sync::atomic::{AtomicU32, Ordering};
use cortex_m_rt::{entry, exception};
use mcu_common::machine::Gpio;
use mcu_common::Board;

/// Core clock of mps2-an386 (QEMU models 25 MHz).
const CPU_HZ: u32 = 25_000_000;

/// Seconds since the Unix epoch at start-up, from the host (semihosting
/// SYS_TIME; the emulated board has no real-time clock).
static BOOT_SECS: AtomicU32 = AtomicU32::new(0);

struct Qemu;

impl Board for Qemu {
    fn platform(&self) -> &'static str {
        "qemu-m4"
    }
    fn description(&self) -> &'static str {
        "qemu-m4 (mps2-an386, Cortex-M4)"
    }
    fn write(&self, bytes: &[u8]) {
        uart::write(bytes);
    }
    fn poll_input(&self) {
        uart::poll_input();
    }
    fn cpu_hz(&self) -> u32 {
        CPU_HZ
    }
    fn boot_time(&self) -> Option<u32> {
        match BOOT_SECS.load(Ordering::Relaxed) {
            0 => None,
            s => Some(s),
        }
    }
    fn exit(&self, code: i32) -> ! {
        exit(code)
    }
    fn gpio(&self) -> Option<&'static dyn Gpio> {
        Some(&pins::SimPins)
    }
    fn modules(&self) -> &'static mcu_common::Modules {
        &modules::MODULES
    }
    #[cfg(feature = "fs")]
    fn block_device(&self) -> Option<&'static dyn ferropy_core::vfs::BlockDevice> {
        Some(&RAMDISK)
    }
    #[cfg(feature = "fs")]
    fn format_blank(&self) -> bool {
        true
    }
}

/// The filesystem's disk: 1 MB of the RAM QEMU has beyond the Metro M4's
/// 192 KB (`RAMDISK` in `memory.x`), so the budgeted RAM is untouched.
// SAFETY: `memory.x` sets the region apart: no section is placed in it.
#[cfg(feature = "fs")]
static RAMDISK: mcu_common::disk::RamDisk =
    unsafe { mcu_common::disk::RamDisk::new(ramdisk_region) };

#[cfg(feature = "fs")]
fn ramdisk_region() -> (usize, usize) {
    extern "C" {
        static _ferropy_ramdisk_start: u8;
        static _ferropy_ramdisk_end: u8;
    }
    let start = core::ptr::addr_of!(_ferropy_ramdisk_start) as usize;
    let end = core::ptr::addr_of!(_ferropy_ramdisk_end) as usize;
    (start, end.saturating_sub(start))
}

static BOARD: Qemu = Qemu;

/// The C extensions and frozen modules of `[package.metadata.ferropy]`.
mod modules {
    include!(concat!(env!("OUT_DIR"), "/ferropy_modules.rs"));
}

/// Leave QEMU with an exit status (semihosting).
fn exit(code: i32) -> ! {
    use cortex_m_semihosting::debug;
    debug::exit(if code == 0 {
        debug::EXIT_SUCCESS
    } else {
        debug::EXIT_FAILURE
    });
    loop {
        cortex_m::asm::wfi();
    }
}

#[entry]
fn main() -> ! {
    uart::init();
    mcu_common::clock::start_systick(CPU_HZ);
    // SAFETY: SYS_TIME takes no parameter block and only returns a value;
    // QEMU runs with semihosting enabled (see .cargo/config.toml).
    let secs = unsafe { cortex_m_semihosting::syscall!(TIME) };
    BOOT_SECS.store(secs as u32, Ordering::Relaxed);
    mcu_common::run(&BOARD)
}

#[exception]
fn SysTick() {
    mcu_common::clock::tick();
}

#[exception]
unsafe fn HardFault(frame: &cortex_m_rt::ExceptionFrame) -> ! {
    mcu_common::hard_fault(frame.pc())
}

/// The vector table's device interrupts: only UART0 RX (IRQ 0) is used.
#[link_section = ".vector_table.interrupts"]
#[no_mangle]
#[used]
pub static __INTERRUPTS: [unsafe extern "C" fn(); 1] = [uart_rx_vector];

unsafe extern "C" fn uart_rx_vector() {
    uart::UART0_RX();
}
