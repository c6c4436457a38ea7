//! Simulated pins for `machine` on QEMU (mps2-an386 has no GPIO the
//! firmware uses): `D0`..`D13` (and `LED` = D13) are bits of three words, so
//! that `machine.Pin` can be exercised by the board pass. An input reads its
//! pull: high with `PULL_UP`, low otherwise; an output reads back its level.

use core::sync::atomic::{AtomicU32, Ordering};
use mcu_common::machine::{Gpio, Mode, Pull};

const NAMES: [&str; 14] = [
    "D0", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9", "D10", "D11", "D12", "D13",
];

static DIR_OUT: AtomicU32 = AtomicU32::new(0);
static LEVEL: AtomicU32 = AtomicU32::new(0);
static PULL_ON: AtomicU32 = AtomicU32::new(0);

fn set(word: &AtomicU32, pin: u8, on: bool) {
    if on {
        word.fetch_or(1 << pin, Ordering::Relaxed);
    } else {
        word.fetch_and(!(1 << pin), Ordering::Relaxed);
    }
}

fn get(word: &AtomicU32, pin: u8) -> bool {
    word.load(Ordering::Relaxed) & (1 << pin) != 0
}

pub struct SimPins;

impl Gpio for SimPins {
    fn pin_by_name(&self, name: &str) -> Option<u8> {
        if name == "LED" {
            return Some(13);
        }
        NAMES.iter().position(|n| *n == name).map(|p| p as u8)
    }
    fn pin_by_number(&self, n: isize) -> Option<u8> {
        (0..14).contains(&n).then_some(n as u8)
    }
    fn pin_name(&self, pin: u8) -> &'static str {
        NAMES.get(pin as usize).copied().unwrap_or("?")
    }
    fn configure(&self, pin: u8, mode: Option<Mode>, pull: Option<Pull>) {
        if let Some(m) = mode {
            set(&DIR_OUT, pin, m == Mode::Out);
        }
        match pull {
            Some(Pull::Up) => {
                set(&LEVEL, pin, true);
                set(&PULL_ON, pin, true);
            }
            Some(Pull::Down) => {
                set(&LEVEL, pin, false);
                set(&PULL_ON, pin, true);
            }
            Some(Pull::None) => set(&PULL_ON, pin, false),
            None => {}
        }
    }
    fn read(&self, pin: u8) -> bool {
        if get(&DIR_OUT, pin) || get(&PULL_ON, pin) {
            get(&LEVEL, pin)
        } else {
            false
        }
    }
    fn write(&self, pin: u8, high: bool) {
        set(&LEVEL, pin, high);
    }
    fn toggle(&self, pin: u8) {
        LEVEL.fetch_xor(1 << pin, Ordering::Relaxed);
    }
    fn freq(&self) -> u32 {
        crate::CPU_HZ
    }
    fn reset(&self) -> ! {
        cortex_m::peripheral::SCB::sys_reset()
    }
    fn unique_id(&self) -> [u8; 16] {
        *b"qemu-mps2-an386\0"
    }
    fn bitstream(&self, _pin: u8, _timing_ns: [u32; 4], _buf: &[u8]) {}
}
