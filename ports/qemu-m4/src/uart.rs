//! UART0 of mps2-an386 (an Arm CMSDK APB UART at 0x4000_4000).
//!
//! Transmit is blocking (poll "TX full"). Receive is interrupt driven: the
//! RX interrupt moves bytes into the console's ring (`mcu_common::console`),
//! so that Ctrl-C typed while Python code runs can raise KeyboardInterrupt.
//! When the ring is full the
//! RX interrupt is masked and bytes wait in the UART (QEMU then stops
//! delivering), so nothing sent by the host is lost.

use core::ptr::{read_volatile, write_volatile};
use mcu_common::console;

const BASE: usize = 0x4000_4000;
const DATA: *mut u32 = BASE as *mut u32;
const STATE: *mut u32 = (BASE + 0x04) as *mut u32;
const CTRL: *mut u32 = (BASE + 0x08) as *mut u32;
const INTSTATUS: *mut u32 = (BASE + 0x0c) as *mut u32;
const BAUDDIV: *mut u32 = (BASE + 0x10) as *mut u32;

const STATE_TX_FULL: u32 = 1 << 0;
const STATE_RX_FULL: u32 = 1 << 1;
const CTRL_TX_EN: u32 = 1 << 0;
const CTRL_RX_EN: u32 = 1 << 1;
const CTRL_RX_INT_EN: u32 = 1 << 3;
const INT_RX: u32 = 1 << 1;

/// NVIC line of UART0's receive interrupt on mps2-an386.
#[derive(Clone, Copy)]
pub struct Uart0Rx;

// SAFETY: 0 is UART0 RX's interrupt number on mps2-an386 and within the
// vector table this firmware provides (`__INTERRUPTS`).
unsafe impl cortex_m::interrupt::InterruptNumber for Uart0Rx {
    fn number(self) -> u16 {
        0
    }
}

/// Enable the UART (both directions) and its RX interrupt.
pub fn init() {
    // SAFETY: UART0's registers are device memory at fixed addresses; this
    // firmware is their only user.
    unsafe {
        write_volatile(BAUDDIV, 16);
        write_volatile(CTRL, CTRL_TX_EN | CTRL_RX_EN | CTRL_RX_INT_EN);
        write_volatile(INTSTATUS, INT_RX);
        cortex_m::peripheral::NVIC::unmask(Uart0Rx);
    }
}

/// Send one byte, waiting while the transmitter is full.
pub fn put(b: u8) {
    // SAFETY: see `init`.
    unsafe {
        while read_volatile(STATE) & STATE_TX_FULL != 0 {}
        write_volatile(DATA, b as u32);
    }
}

/// Send bytes as they are.
pub fn write(bytes: &[u8]) {
    for &b in bytes {
        put(b);
    }
}

/// Move bytes from the UART into the console's ring (interrupt context, or
/// thread mode with interrupts masked). Returns false when the ring filled
/// up with a byte still waiting in the UART.
fn drain_uart() -> bool {
    // SAFETY: see `init`.
    unsafe {
        write_volatile(INTSTATUS, INT_RX);
        while read_volatile(STATE) & STATE_RX_FULL != 0 {
            if console::rx_room() == 0 {
                return false;
            }
            console::push_rx(read_volatile(DATA) as u8);
        }
    }
    true
}

/// The UART0 receive interrupt (vector 0 of mps2-an386).
#[no_mangle]
pub extern "C" fn UART0_RX() {
    if !drain_uart() {
        // Ring full: stop taking interrupts until the reader makes room.
        // SAFETY: see `init`.
        unsafe {
            let c = read_volatile(CTRL);
            write_volatile(CTRL, c & !CTRL_RX_INT_EN);
            write_volatile(INTSTATUS, INT_RX);
        }
    }
}

/// Thread mode found the ring empty: take what waits in the UART and
/// re-enable the receive interrupt (called with interrupts masked).
pub fn poll_input() {
    drain_uart();
    // SAFETY: see `init`.
    unsafe {
        let c = read_volatile(CTRL);
        write_volatile(CTRL, c | CTRL_RX_INT_EN);
    }
}
