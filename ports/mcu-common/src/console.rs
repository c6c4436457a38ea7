//! The console: bytes out through the board, bytes in through a ring that
//! the board's receive interrupt fills (so that a Ctrl-C typed while Python
//! code runs can raise KeyboardInterrupt).

use crate::port::PORT;
use core::sync::atomic::{AtomicBool, AtomicU16, Ordering};

const RING: usize = 256;

/// Received bytes: written by the interrupt handler at `head`, read by the
/// interpreter at `tail` (single producer, single consumer).
struct Ring {
    buf: core::cell::UnsafeCell<[u8; RING]>,
    head: AtomicU16,
    tail: AtomicU16,
}

// SAFETY: one producer (the receive interrupt, or thread mode with
// interrupts masked) writes only the slot at `head` before publishing it;
// one consumer (thread mode) reads only slots below `head` and publishes
// `tail` after reading.
unsafe impl Sync for Ring {}

static RX: Ring = Ring {
    buf: core::cell::UnsafeCell::new([0; RING]),
    head: AtomicU16::new(0),
    tail: AtomicU16::new(0),
};

/// When set, a received Ctrl-C (0x03) interrupts running Python code
/// instead of being queued.
pub static CTRL_C_INTERRUPTS: AtomicBool = AtomicBool::new(false);

fn ring_len() -> usize {
    let head = RX.head.load(Ordering::Acquire);
    let tail = RX.tail.load(Ordering::Relaxed);
    head.wrapping_sub(tail) as usize
}

/// Free room in the receive ring (the producer may push this many bytes).
pub fn rx_room() -> usize {
    RING - ring_len()
}

/// A received byte (producer side: the receive interrupt, or thread mode
/// with interrupts masked). Returns false, dropping nothing, when the ring
/// is full: the caller keeps the byte in the hardware and stops receiving.
pub fn push_rx(b: u8) -> bool {
    if b == 0x03 && CTRL_C_INTERRUPTS.load(Ordering::Relaxed) {
        ferropy_core::vm::eval::INTERRUPT.store(true, Ordering::Relaxed);
        return true;
    }
    if ring_len() >= RING {
        return false;
    }
    let head = RX.head.load(Ordering::Relaxed);
    // SAFETY: the slot at `head` belongs to the (single) producer.
    unsafe { (*RX.buf.get())[head as usize % RING] = b };
    RX.head.store(head.wrapping_add(1), Ordering::Release);
    true
}

/// A received byte, if any (never blocks).
pub fn try_get() -> Option<u8> {
    if ring_len() == 0 {
        // Bytes may be waiting in the hardware with the interrupt masked.
        cortex_m::interrupt::free(|_| PORT.board().poll_input());
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

/// Send bytes as they are.
pub fn write_raw(bytes: &[u8]) {
    PORT.board().write(bytes);
}

/// Send text, turning `\n` into `\r\n` for terminals.
pub fn write_cooked(bytes: &[u8]) {
    let board = PORT.board();
    let mut rest = bytes;
    while let Some(i) = rest.iter().position(|&b| b == b'\n') {
        board.write(&rest[..i]);
        board.write(b"\r\n");
        rest = &rest[i + 1..];
    }
    board.write(rest);
}
