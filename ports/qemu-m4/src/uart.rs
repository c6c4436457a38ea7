//! UART0 of mps2-an386 (an Arm CMSDK APB UART at 0x4000_4000).
//!
//! Transmit is blocking (poll "TX full"). Receive is interrupt driven: the
//! RX interrupt moves bytes into a ring buffer, so that Ctrl-C typed while
//! Python code runs can raise KeyboardInterrupt. When the ring is full the
//! RX interrupt is masked and bytes wait in the UART (QEMU then stops
//! delivering), so nothing sent by the host is lost.

use core::ptr::{read_volatile, write_volatile};
use core::sync::atomic::{AtomicBool, AtomicU16, Ordering};

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

const RING: usize = 256;

/// Received bytes: written by the interrupt handler at `HEAD`, read by the
/// interpreter at `TAIL` (single producer, single consumer).
struct Ring {
    buf: core::cell::UnsafeCell<[u8; RING]>,
    head: AtomicU16,
    tail: AtomicU16,
}

// SAFETY: one producer (the RX interrupt) writes only the slot at `head`
// before publishing it; one consumer (thread mode) reads only slots below
// `head` and publishes `tail` after reading.
unsafe impl Sync for Ring {}

static RX: Ring = Ring {
    buf: core::cell::UnsafeCell::new([0; RING]),
    head: AtomicU16::new(0),
    tail: AtomicU16::new(0),
};

/// When set, a received Ctrl-C (0x03) interrupts running Python code
/// instead of being queued.
pub static CTRL_C_INTERRUPTS: AtomicBool = AtomicBool::new(false);

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
pub fn write_raw(bytes: &[u8]) {
    for &b in bytes {
        put(b);
    }
}

/// Send text, turning `\n` into `\r\n` for terminals.
pub fn write_cooked(bytes: &[u8]) {
    for &b in bytes {
        if b == b'\n' {
            put(b'\r');
        }
        put(b);
    }
}

fn ring_len() -> usize {
    let head = RX.head.load(Ordering::Acquire);
    let tail = RX.tail.load(Ordering::Relaxed);
    head.wrapping_sub(tail) as usize
}

/// Move bytes from the UART into the ring (interrupt context, or thread
/// mode with interrupts masked). Returns false when the ring filled up with
/// a byte still waiting in the UART.
fn drain_uart() -> bool {
    // SAFETY: see `init`; the ring slot at `head` belongs to the producer.
    unsafe {
        write_volatile(INTSTATUS, INT_RX);
        while read_volatile(STATE) & STATE_RX_FULL != 0 {
            if ring_len() >= RING {
                return false;
            }
            let b = read_volatile(DATA) as u8;
            if b == 0x03 && CTRL_C_INTERRUPTS.load(Ordering::Relaxed) {
                ferropy_core::vm::eval::INTERRUPT.store(true, Ordering::Relaxed);
                continue;
            }
            let head = RX.head.load(Ordering::Relaxed);
            (*RX.buf.get())[head as usize % RING] = b;
            RX.head.store(head.wrapping_add(1), Ordering::Release);
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

/// A received byte, if any (never blocks).
pub fn try_get() -> Option<u8> {
    if ring_len() == 0 {
        // Bytes may be waiting in the UART with the interrupt masked.
        cortex_m::interrupt::free(|_| {
            drain_uart();
            // SAFETY: see `init`.
            unsafe {
                let c = read_volatile(CTRL);
                write_volatile(CTRL, c | CTRL_RX_INT_EN);
            }
        });
        if ring_len() == 0 {
            return None;
        }
    }
    let tail = RX.tail.load(Ordering::Relaxed);
    // SAFETY: the slot at `tail` was published by the producer (len > 0).
    let b = unsafe { (*RX.buf.get())[tail as usize % RING] };
    RX.tail.store(tail.wrapping_add(1), Ordering::Release);
    Some(b)
}

/// Wait for a received byte (sleeping between interrupts).
pub fn get() -> u8 {
    loop {
        if let Some(b) = try_get() {
            return b;
        }
        cortex_m::asm::wfi();
    }
}
