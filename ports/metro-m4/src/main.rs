//! ferropy firmware for the Adafruit Metro M4 Express (ATSAMD51J19A:
//! Cortex-M4F, 512 KB flash, 192 KB RAM), linked to run from the UF2
//! bootloader (application at 0x4000, see `memory.x`).
//!
//! - Clocks: DFLL48M (kept on 48 MHz by USB clock recovery) / 24 on GCLK5
//!   -> DPLL0 -> 120 MHz core clock (atsamd-hal's
//!   `GenericClockController`); GCLK2 = DFLL 48 MHz for USB; GCLK1 = the
//!   32.768 kHz crystal.
//!   The FPU is enabled by cortex-m-rt before `main` (the `eabihf` target);
//!   the SAMD51's cache controller (CMCC) is switched on here.
//! - Console: USB CDC serial (`usb.rs`), with MicroPython's REPL and raw
//!   REPL (`mcu_common`, shared with the QEMU firmware).
//! - SysTick at 1 kHz for `time.ticks_ms()`/`sleep_ms()`.
//! - `machine` (`mcu_common::machine` on the pins of `pins.rs`), and the
//!   C extensions and frozen Python modules listed in `Cargo.toml`'s
//!   `[package.metadata.ferropy]` (`neopixel` from `frozen/`; a frozen
//!   `main.py`, if listed, runs at boot).
//! - HardFault and panic: a message on the serial port, then a reset.
#![no_std]
#![no_main]

extern crate alloc;

mod pins;
mod usb;

use atsamd_hal::clock::{ClockGenId, ClockSource, GenericClockController};
use atsamd_hal::pac::{self, interrupt};
use atsamd_hal::usb::UsbBus;
use cortex_m_rt::{entry, exception};
use mcu_common::machine::Gpio;
use mcu_common::Board;

/// The C extensions and frozen modules of `[package.metadata.ferropy]`.
mod modules {
    include!(concat!(env!("OUT_DIR"), "/ferropy_modules.rs"));
}

struct Metro;

impl Board for Metro {
    fn platform(&self) -> &'static str {
        "metro-m4"
    }
    fn description(&self) -> &'static str {
        "metro-m4 (Adafruit Metro M4 Express, ATSAMD51J19A, 120 MHz)"
    }
    fn write(&self, bytes: &[u8]) {
        usb::write(bytes);
    }
    fn poll_input(&self) {
        usb::poll_input();
    }
    fn cpu_hz(&self) -> u32 {
        pins::CPU_HZ
    }
    fn exit(&self, _code: i32) -> ! {
        reset()
    }
    fn gpio(&self) -> Option<&'static dyn Gpio> {
        Some(&pins::MetroPins)
    }
    fn modules(&self) -> &'static mcu_common::Modules {
        &modules::MODULES
    }
    /// The filesystem's block device (feature `fs`). The Metro M4's is to be
    /// its 2 MB QSPI flash (GD25Q16C on the QSPI pins PA08-PA11, PB10,
    /// PB11): 4096 blocks of 512 bytes, a FAT12 volume like CircuitPython's,
    /// the device rewriting a block by erasing and reprogramming its 4 KB
    /// sector. That driver is not written yet: with `fs` on, the firmware
    /// has the file operations but no volume (they fail with ENODEV). See
    /// docs/firmware.md, "Files".
    #[cfg(feature = "fs")]
    fn block_device(&self) -> Option<&'static dyn ferropy_core::vfs::BlockDevice> {
        None
    }
    /// Flash keeps its data: a volume is made only where none is found
    /// (a new board's erased flash).
    #[cfg(feature = "fs")]
    fn format_blank(&self) -> bool {
        true
    }
}

static BOARD: Metro = Metro;

/// Reset the chip, after giving the host a moment to collect the output.
pub fn reset() -> ! {
    usb::drain(50);
    cortex_m::peripheral::SCB::sys_reset()
}

#[entry]
fn main() -> ! {
    let Some(mut p) = pac::Peripherals::take() else {
        reset()
    };
    let Some(mut core) = pac::CorePeripherals::take() else {
        reset()
    };
    // 120 MHz from DPLL0 (the Metro M4 has a 32.768 kHz crystal).
    let mut clocks = GenericClockController::with_external_32kosc(
        p.gclk,
        &mut p.mclk,
        &mut p.osc32kctrl,
        &mut p.oscctrl,
        &mut p.nvmctrl,
    );
    // The cache controller: code runs from flash with wait states at
    // 120 MHz. CMCC CTRL.CEN (base 0x4100_6000, CTRL at +0x08).
    // SAFETY: enabling the cache is allowed at any time (it starts
    // invalidated) and affects only timing.
    unsafe { core::ptr::write_volatile(0x4100_6008 as *mut u32, 1) };
    // The cycle counter, for NeoPixel timing and output timeouts.
    core.DCB.enable_trace();
    core.DWT.enable_cycle_counter();

    // USB: 48 MHz from the DFLL on GCLK2.
    let usb_gclk =
        clocks.configure_gclk_divider_and_source(ClockGenId::Gclk2, 1, ClockSource::Dfll, false);
    let usb_clock = usb_gclk.and_then(|g| clocks.usb(&g));
    let pins = atsamd_hal::gpio::Pins::new(p.port);
    if let Some(usb_clock) = usb_clock {
        usb::init(UsbBus::new(
            &usb_clock,
            &mut p.mclk,
            pins.pa24,
            pins.pa25,
            p.usb,
        ));
        // SAFETY: the handlers below only touch the USB state behind its
        // mutex and the console's ring; the device is set up.
        unsafe {
            for irq in [
                interrupt::USB_OTHER,
                interrupt::USB_SOF_HSOF,
                interrupt::USB_TRCPT0,
                interrupt::USB_TRCPT1,
            ] {
                core.NVIC.set_priority(irq, 0x40);
                cortex_m::peripheral::NVIC::unmask(irq);
            }
        }
    }
    mcu_common::clock::start_systick(pins::CPU_HZ);
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

#[interrupt]
fn USB_OTHER() {
    usb::interrupt();
}

#[interrupt]
fn USB_SOF_HSOF() {
    usb::interrupt();
}

#[interrupt]
fn USB_TRCPT0() {
    usb::interrupt();
}

#[interrupt]
fn USB_TRCPT1() {
    usb::interrupt();
}
