//! The Metro M4's pins for `machine` (`mcu_common::machine::Gpio`): the
//! SAMD51's PORT registers, written directly (the HAL's type-state pins
//! cannot be chosen at run time; the HAL keeps only the USB pins).
//!
//! Names: the board's (`D0`..`D13`, `A0`..`A5`, `LED` = D13, `NEOPIXEL`,
//! `SDA`, `SCL`), the MCU's (`PA16`), or Arduino numbers (0..13 = D0..D13,
//! 14..19 = A0..A5, 40 = NEOPIXEL). The USB data lines and SWDIO are refused.

use core::ptr::{read_volatile, write_volatile};
use mcu_common::machine::{Gpio, Mode, Pull};

/// Core clock (DPLL0, set up by `main`).
pub const CPU_HZ: u32 = 120_000_000;

/// GPIO numbers: port group * 32 + bit.
const fn pa(n: u8) -> u8 {
    n
}
const fn pb(n: u8) -> u8 {
    32 + n
}

/// The board's pin names, in Arduino order for the first 20.
static PINS: [(&str, u8); 24] = [
    ("D0", pa(23)),
    ("D1", pa(22)),
    ("D2", pb(17)),
    ("D3", pb(16)),
    ("D4", pb(13)),
    ("D5", pb(14)),
    ("D6", pb(15)),
    ("D7", pb(12)),
    ("D8", pa(21)),
    ("D9", pa(20)),
    ("D10", pa(18)),
    ("D11", pa(19)),
    ("D12", pa(17)),
    ("D13", pa(16)),
    ("A0", pa(2)),
    ("A1", pa(5)),
    ("A2", pa(6)),
    ("A3", pa(4)),
    ("A4", pb(8)),
    ("A5", pb(9)),
    ("NEOPIXEL", pb(22)),
    ("SDA", pb(2)),
    ("SCL", pb(3)),
    ("LED", pa(16)),
];

/// Arduino's number for the NeoPixel on this board.
const NEOPIXEL_NUMBER: isize = 40;

/// Pins Python code may not take: the USB data lines (the REPL) and SWDIO.
const RESERVED: [u8; 3] = [pa(24), pa(25), pa(31)];

const PORT_BASE: usize = 0x4100_8000;
const DIRCLR: usize = 0x04;
const DIRSET: usize = 0x08;
const OUTCLR: usize = 0x14;
const OUTSET: usize = 0x18;
const OUTTGL: usize = 0x1c;
const IN: usize = 0x20;
const PINCFG: usize = 0x40;
const PINCFG_INEN: u8 = 1 << 1;
const PINCFG_PULLEN: u8 = 1 << 2;

fn group_reg(pin: u8, off: usize) -> *mut u32 {
    (PORT_BASE + (pin as usize / 32) * 0x80 + off) as *mut u32
}

fn bit(pin: u8) -> u32 {
    1 << (pin % 32)
}

/// Write `bit(pin)` to one of the PORT's set/clear/toggle registers.
fn strobe(pin: u8, off: usize) {
    // SAFETY: a PORT register of group A or B (pins come from `valid`, so
    // pin < 64); the set/clear/toggle registers change only the bits
    // written as 1, so other pins (the USB pins the HAL owns) keep their
    // state.
    unsafe { write_volatile(group_reg(pin, off), bit(pin)) }
}

fn valid(pin: u8) -> Option<u8> {
    (pin < 64 && !RESERVED.contains(&pin)).then_some(pin)
}

pub struct MetroPins;

impl Gpio for MetroPins {
    fn pin_by_name(&self, name: &str) -> Option<u8> {
        if let Some(&(_, p)) = PINS.iter().find(|(n, _)| *n == name) {
            return Some(p);
        }
        // The MCU's names: PA00..PA31, PB00..PB31.
        let rest = name.strip_prefix('P')?;
        let group = match rest.as_bytes().first()? {
            b'A' => 0,
            b'B' => 32,
            _ => return None,
        };
        let n: u8 = rest[1..].parse().ok()?;
        if n >= 32 {
            return None;
        }
        valid(group + n)
    }
    fn pin_by_number(&self, n: isize) -> Option<u8> {
        match n {
            0..=19 => Some(PINS[n as usize].1),
            NEOPIXEL_NUMBER => Some(pb(22)),
            _ => None,
        }
    }
    fn pin_name(&self, pin: u8) -> &'static str {
        PINS.iter()
            .find(|(_, p)| *p == pin)
            .map_or("?", |(n, _)| *n)
    }
    fn configure(&self, pin: u8, mode: Option<Mode>, pull: Option<Pull>) {
        match mode {
            Some(Mode::In) => strobe(pin, DIRCLR),
            Some(Mode::Out) => strobe(pin, DIRSET),
            None => {}
        }
        // The input buffer stays on, so `value()` reads outputs back.
        let cfg = match pull {
            Some(Pull::Up) => {
                // A pull is the output latch's level through the resistor.
                strobe(pin, OUTSET);
                PINCFG_INEN | PINCFG_PULLEN
            }
            Some(Pull::Down) => {
                strobe(pin, OUTCLR);
                PINCFG_INEN | PINCFG_PULLEN
            }
            Some(Pull::None) => PINCFG_INEN,
            None => PINCFG_INEN | (self.pincfg(pin) & PINCFG_PULLEN),
        };
        let addr = (PORT_BASE + (pin as usize / 32) * 0x80 + PINCFG + pin as usize % 32) as *mut u8;
        // SAFETY: the pin's own PINCFG byte (pin < 64, not reserved); the
        // multiplexer stays off, so the pin is a plain GPIO.
        unsafe { write_volatile(addr, cfg) }
    }
    fn read(&self, pin: u8) -> bool {
        // SAFETY: reading the IN register of group A or B has no effect.
        unsafe { read_volatile(group_reg(pin, IN)) & bit(pin) != 0 }
    }
    fn write(&self, pin: u8, high: bool) {
        strobe(pin, if high { OUTSET } else { OUTCLR });
    }
    fn toggle(&self, pin: u8) {
        strobe(pin, OUTTGL);
    }
    fn freq(&self) -> u32 {
        CPU_HZ
    }
    fn reset(&self) -> ! {
        crate::reset()
    }
    fn unique_id(&self) -> [u8; 16] {
        // The SAMD51's 128-bit serial number: four words in the NVM
        // calibration area (datasheet 9.6).
        let mut id = [0u8; 16];
        for (k, addr) in [0x0080_61fcusize, 0x0080_6010, 0x0080_6014, 0x0080_6018]
            .iter()
            .enumerate()
        {
            // SAFETY: the serial number words are readable on every SAMD51.
            let w = unsafe { read_volatile(*addr as *const u32) };
            id[k * 4..k * 4 + 4].copy_from_slice(&w.to_be_bytes());
        }
        id
    }
    fn bitstream(&self, pin: u8, timing_ns: [u32; 4], buf: &[u8]) {
        let mut t = [0u32; 4];
        for (c, ns) in t.iter_mut().zip(timing_ns) {
            *c = ns * (CPU_HZ / 1_000_000) / 1000;
        }
        send_bits(pin, t, buf);
    }
}

impl MetroPins {
    fn pincfg(&self, pin: u8) -> u8 {
        let addr =
            (PORT_BASE + (pin as usize / 32) * 0x80 + PINCFG + pin as usize % 32) as *const u8;
        // SAFETY: reading the pin's own PINCFG byte has no effect.
        unsafe { read_volatile(addr) }
    }
}

/// The cycle counter (DWT CYCCNT, enabled by `main`).
#[inline(always)]
pub fn cycles() -> u32 {
    // SAFETY: reading DWT CYCCNT has no side effect.
    unsafe { read_volatile(0xE000_1004 as *const u32) }
}

/// Send `buf` on `pin` with interrupts masked: high pulses of `t[0]`/`t[2]`
/// cycles and low pulses of `t[1]`/`t[3]` for 0/1 bits. Deadlines are
/// measured on the cycle counter from the start of each bit, so code-fetch
/// delays shorter than a pulse do not add up (bit-banged at 120 MHz: WS2812
/// pulses are 48..102 cycles).
fn send_bits(pin: u8, t: [u32; 4], buf: &[u8]) {
    let set = group_reg(pin, OUTSET);
    let clr = group_reg(pin, OUTCLR);
    let mask = bit(pin);
    cortex_m::interrupt::free(|_| {
        for &byte in buf {
            for k in (0..8).rev() {
                let (high, low) = if byte >> k & 1 != 0 {
                    (t[2], t[3])
                } else {
                    (t[0], t[1])
                };
                let start = cycles();
                // SAFETY: the pin's own set/clear registers (see `strobe`).
                unsafe { write_volatile(set, mask) };
                while cycles().wrapping_sub(start) < high {}
                // SAFETY: as above.
                unsafe { write_volatile(clr, mask) };
                while cycles().wrapping_sub(start) < high + low {}
            }
        }
    });
}
